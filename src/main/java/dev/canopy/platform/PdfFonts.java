package dev.canopy.platform;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The font Canopy's PDFs print in (ADR 15): Liberation Sans, shipped inside PDFBox, embedded as a Unicode font, so
 * that names in any Latin, Greek or Cyrillic script print; a character it lacks prints as "?" rather than failing the
 * document. Bold is drawn by stroking the glyphs' outline.
 */
public final class PdfFonts {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PdfFonts() {}

    /** The font, embedded (as a subset) in {@code document}. */
    public static PDFont load(PDDocument document) throws IOException {
        try (InputStream file = PDDocument.class.getResourceAsStream(FONT)) {
            if (file == null) {
                throw new IOException("PDFBox no longer ships " + FONT + "; bundle a Unicode font (ADR 15)");
            }
            return PDType0Font.load(document, file);
        }
    }

    /** Whether {@code font} has a glyph for the character. */
    public static boolean hasGlyph(PDFont font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
