package dev.canopy.enablement.internal;

import dev.canopy.platform.PdfFonts;
import dev.canopy.platform.QrCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

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

    private CertificatePdf() {}

    public static byte[] of(Lines lines) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font = PdfFonts.load(document);
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(size);
            document.addPage(page);
            float width = size.getWidth();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setLineWidth(2);
                content.addRect(28, 28, width - 56, size.getHeight() - 56);
                content.stroke();
                centred(content, font, false, 16, lines.heading(), width, 470);
                centred(content, font, true, 30, lines.holder(), width, 400);
                centred(content, font, false, 14, lines.holds(), width, 360);
                centred(content, font, true, 22, lines.certification(), width, 320);
                centred(content, font, false, 13, lines.partner(), width, 280);
                centred(content, font, false, 12, lines.dates(), width, 250);
                qr(content, lines.url(), width - 178, 56, 120);
                text(content, font, false, 9, lines.verifyAt(), 56, 92);
                text(content, font, false, 9, lines.url(), 56, 78);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void centred(
            PDPageContentStream content, PDFont font, boolean bold, float size, String line, float width, float y)
            throws IOException {
        String shown = printable(font, line);
        float textWidth = font.getStringWidth(shown) / 1000 * size;
        text(content, font, bold, size, shown, (width - textWidth) / 2, y);
    }

    private static void text(
            PDPageContentStream content, PDFont font, boolean bold, float size, String line, float x, float y)
            throws IOException {
        content.setLineWidth(size / 30);
        content.beginText();
        content.setFont(font, size);
        content.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        content.newLineAtOffset(x, y);
        content.showText(printable(font, line));
        content.endText();
    }

    /** A letter the font lacks (outside Latin, Greek and Cyrillic scripts) shows as "?" rather than failing. */
    private static String printable(PDFont font, String line) {
        StringBuilder shown = new StringBuilder();
        line.codePoints().forEach(c -> shown.append(PdfFonts.hasGlyph(font, c) ? Character.toString(c) : "?"));
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
