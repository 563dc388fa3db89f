package dev.canopy.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What text Canopy accepts: UTF-8 that PostgreSQL can store, without control characters (tab and line breaks
 * aside), without U+FFFD (what a decoder puts where bytes were not text) and, for one value, at most
 * {@link #MAX_LENGTH} characters. Checked once for every request (TextInputFilter) and for every uploaded file.
 */
public final class Texts {

    /** The longest single text value; fields with a rule of their own are shorter. */
    public static final int MAX_LENGTH = 10_000;

    private Texts() {}

    /** Why {@code value} cannot be stored ("contains a control character (U+0000)"), or null if it can. */
    public static String problem(String value) {
        if (value.length() > MAX_LENGTH) {
            return "Use at most " + MAX_LENGTH + " characters";
        }
        return characterProblem(value);
    }

    /** Whether {@code bytes} are valid UTF-8. */
    public static boolean isUtf8(byte[] bytes) {
        return decode(bytes) != null;
    }

    /** The bytes of an uploaded file as text, or an error naming {@code field}; a byte-order mark is dropped. */
    public static String utf8(byte[] bytes, String field) {
        String text = decode(bytes);
        if (text == null) {
            throw new InvalidInputException(
                    field, "Not UTF-8 text: export it from your spreadsheet as CSV UTF-8, or send it as UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String problem = characterProblem(text);
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
        return text;
    }

    /** The text, or null when the bytes are not valid UTF-8. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String characterProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "Contains half of a character (U+" + hex(c) + ")";
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return "Contains a control character (U+" + hex(c) + ")";
            } else if (c == '\uFFFD') {
                return "Contains U+FFFD, left where bytes were not valid UTF-8";
            }
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
