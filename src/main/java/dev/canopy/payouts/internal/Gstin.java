package dev.canopy.payouts.internal;

import dev.canopy.shared.InvalidInputException;

/**
 * An Indian GST identification number, like {@code 27AAPFU0939F1ZV}: a 2-digit state code (01–38, 97 other
 * territory, 99 centre jurisdiction), the holder's PAN, the registration's number for that PAN in that state
 * (1–9, then A–Z), {@code Z}, and a check character. The 14th character is required to be {@code Z}: every
 * GSTIN built on a PAN carries it; other letters belong to registrations built on a TAN or a foreign id (tax
 * deductors, UN bodies, foreign online services), whose characters 3–12 are no PAN and which are refused anyway.
 */
public record Gstin(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public Gstin {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidInputException("gstin", problem);
        }
    }

    /** The GSTIN in {@code raw} (spaces and case forgiven), or an error naming {@code field}. */
    public static Gstin parse(String raw, String field) {
        String normalized = Pan.normalize(raw);
        String problem = problemWith(normalized);
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
        return new Gstin(normalized);
    }

    /** The state the registration is in, like "27" (Maharashtra): equal codes make a supply intra-state. */
    public String stateCode() {
        return value.substring(0, 2);
    }

    public Pan pan() {
        return new Pan(value.substring(2, 12));
    }

    /**
     * The 15th character for the first 14: GSTN's Luhn mod 36. Each character's value (0–9, A–Z = 10–35) is
     * multiplied by 1 and 2 alternately from the left, the product's quotient and remainder by 36 are added up,
     * and the check character tops the sum up to a multiple of 36. Any single changed character changes it.
     */
    static char checkCharacter(String first14) {
        int sum = 0;
        for (int i = 0; i < first14.length(); i++) {
            int product = ALPHABET.indexOf(first14.charAt(i)) * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return ALPHABET.charAt((36 - sum % 36) % 36);
    }

    /** What is wrong with a normalized GSTIN, or null when nothing is. */
    static String problemWith(String gstin) {
        if (gstin == null || gstin.isEmpty()) {
            return "Enter the GSTIN";
        }
        if (gstin.length() != 15) {
            return "A GSTIN has 15 characters, like 27AAPFU0939F1ZV; this has " + gstin.length();
        }
        if (!gstin.matches("[0-9A-Z]{15}")) {
            return "A GSTIN has only letters and digits";
        }
        if (!isStateCode(gstin.substring(0, 2))) {
            return "A GSTIN starts with a state code from 01 to 38, or 97 or 99, not " + gstin.substring(0, 2);
        }
        String panProblem = Pan.problemWith(gstin.substring(2, 12));
        if (panProblem != null) {
            return "Characters 3 to 12 of a GSTIN are the holder's PAN. " + panProblem;
        }
        if (gstin.charAt(12) == '0') {
            return "The 13th character of a GSTIN is the registration's number, 1 to 9 or A to Z, not 0";
        }
        if (gstin.charAt(13) != 'Z') {
            return "The 14th character of a GSTIN is Z, not " + gstin.charAt(13);
        }
        char expected = checkCharacter(gstin.substring(0, 14));
        if (gstin.charAt(14) != expected) {
            return "This GSTIN's check character does not match: it should be " + expected
                    + " for the first 14; check for a mistyped character";
        }
        return null;
    }

    private static boolean isStateCode(String code) {
        if (!code.matches("[0-9]{2}")) {
            return false;
        }
        int number = Integer.parseInt(code);
        return (number >= 1 && number <= 38) || number == 97 || number == 99;
    }

    @Override
    public String toString() {
        return value;
    }
}
