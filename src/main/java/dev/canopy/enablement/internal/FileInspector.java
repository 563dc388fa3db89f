package dev.canopy.enablement.internal;

import dev.canopy.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * What an uploaded file really is, read from its bytes by Apache Tika (the name and the type the browser sent are
 * not trusted), whether the library takes it, and the words inside it for search. A file is refused when its type
 * is not one the library serves (HTML above all: it would run on Canopy's address) or when its name's extension
 * says something else than its bytes ("price-list.pdf" that is a program).
 */
@Component
public class FileInspector {

    /** The words kept for search of one file; a longer document is searched by its first part. */
    static final int TEXT_LIMIT = 200_000;

    /** What a file is and says: its type and, for documents, its text. */
    public record Inspection(String contentType, String text) {}

    private static final String OOXML = "application/vnd.openxmlformats-officedocument.";

    /** The types the library takes, each with the extensions its files may carry. */
    private static final Map<String, Set<String>> ACCEPTED = Map.ofEntries(
            Map.entry("application/pdf", Set.of("pdf")),
            Map.entry(OOXML + "wordprocessingml.document", Set.of("docx")),
            Map.entry(OOXML + "presentationml.presentation", Set.of("pptx")),
            Map.entry(OOXML + "spreadsheetml.sheet", Set.of("xlsx")),
            Map.entry("application/msword", Set.of("doc")),
            Map.entry("application/vnd.ms-powerpoint", Set.of("ppt")),
            Map.entry("application/vnd.ms-excel", Set.of("xls")),
            Map.entry("text/plain", Set.of("txt", "md")),
            Map.entry("image/png", Set.of("png")),
            Map.entry("image/jpeg", Set.of("jpg", "jpeg")),
            Map.entry("image/gif", Set.of("gif")),
            Map.entry("image/webp", Set.of("webp")),
            Map.entry("image/svg+xml", Set.of("svg")),
            Map.entry("video/mp4", Set.of("mp4", "m4v")),
            Map.entry("video/webm", Set.of("webm")),
            Map.entry("video/quicktime", Set.of("mov")));

    /** Types a browser may show in place; everything else downloads. SVG can carry script, so it never shows. */
    private static final Set<String> SHOWN_IN_PLACE =
            Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "video/mp4", "video/webm", "video/quicktime");

    private final Detector detector;
    private final AutoDetectParser parser;

    FileInspector() {
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.detector = config.getDetector();
        this.parser = new AutoDetectParser(config);
    }

    public static boolean shownInPlace(String contentType) {
        return SHOWN_IN_PLACE.contains(contentType);
    }

    /** The file at {@code path}, uploaded as {@code fileName}; refused with the {@code file} field named. */
    public Inspection inspect(Path path, String fileName) {
        String type = detect(path);
        Set<String> extensions = ACCEPTED.get(type);
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            throw new InvalidInputException(
                    "file",
                    "Web pages are not taken: they would run on Canopy’s address. Upload a PDF, or add the page as a link");
        }
        if (extensions == null) {
            throw new InvalidInputException(
                    "file",
                    "This kind of file (" + type + ") is not taken: upload a PDF, an Office document, an image or a"
                            + " video");
        }
        String extension = extension(fileName);
        if (!extensions.contains(extension)) {
            throw new InvalidInputException(
                    "file",
                    "The name ends in ." + extension + " but the file is " + type + ": name it ."
                            + extensions.stream().sorted().findFirst().orElseThrow());
        }
        return new Inspection(type, type.startsWith("image/") || type.startsWith("video/") ? "" : text(path));
    }

    private String detect(Path path) {
        // Without the name: a type guessed from "x.pdf" is what the sender claims, not what the bytes are.
        try (TikaInputStream in = TikaInputStream.get(path)) {
            return detector.detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new InvalidInputException("file", "The file could not be read");
        }
    }

    /** The document's words, up to {@link #TEXT_LIMIT}; none for one Tika cannot read (encrypted, broken). */
    private String text(Path path) {
        BodyContentHandler handler = new BodyContentHandler(TEXT_LIMIT);
        try (InputStream in = TikaInputStream.get(path)) {
            parser.parse(in, handler, new Metadata(), new ParseContext());
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                return "";
            }
        } catch (IOException | TikaException | RuntimeException e) {
            return "";
        }
        return handler.toString().replace('\u0000', ' ').strip();
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
