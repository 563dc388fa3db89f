package dev.canopy.enablement.internal;

import dev.canopy.platform.QrCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A certificate as a one-page landscape PDF: who holds what from whom, since when and until when, and a QR code of
 * its verification page with the address written beside it, so that a printed copy can be checked.
 */
public final class CertificatePdf {

    /** What the page says, every line already in the reader's words. */
    public record Lines(
            String heading,
            String holder,
            String holds,
            String certification,
            String partner,
            String dates,
            String verifyAt,
            String url) {}

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private CertificatePdf() {}

    public static byte[] of(Lines lines) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(size);
            document.addPage(page);
            float width = size.getWidth();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setLineWidth(2);
                content.addRect(28, 28, width - 56, size.getHeight() - 56);
                content.stroke();
                centred(content, REGULAR, 16, lines.heading(), width, 470);
                centred(content, BOLD, 30, lines.holder(), width, 400);
                centred(content, REGULAR, 14, lines.holds(), width, 360);
                centred(content, BOLD, 22, lines.certification(), width, 320);
                centred(content, REGULAR, 13, lines.partner(), width, 280);
                centred(content, REGULAR, 12, lines.dates(), width, 250);
                qr(content, lines.url(), width - 178, 56, 120);
                text(content, REGULAR, 9, lines.verifyAt(), 56, 92);
                text(content, REGULAR, 9, lines.url(), 56, 78);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void centred(
            PDPageContentStream content, PDType1Font font, float size, String line, float width, float y)
            throws IOException {
        String shown = printable(font, line);
        float textWidth = font.getStringWidth(shown) / 1000 * size;
        text(content, font, size, shown, (width - textWidth) / 2, y);
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, String line, float x, float y)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(font, line));
        content.endText();
    }

    /** The standard fonts cover Western European scripts; another letter shows as "?" rather than failing. */
    private static String printable(PDType1Font font, String line) {
        StringBuilder shown = new StringBuilder();
        line.codePoints().forEach(c -> {
            String letter = Character.toString(c);
            try {
                font.encode(letter);
                shown.append(letter);
            } catch (IOException | IllegalArgumentException e) {
                shown.append('?');
            }
        });
        return shown.toString();
    }

    private static void qr(PDPageContentStream content, String url, float x, float y, float side) throws IOException {
        boolean[][] modules = QrCodes.modules(url);
        float module = side / modules.length;
        for (int row = 0; row < modules.length; row++) {
            for (int column = 0; column < modules[row].length; column++) {
                if (modules[row][column]) {
                    content.addRect(x + column * module, y + side - (row + 1) * module, module, module);
                }
            }
        }
        content.fill();
    }
}
