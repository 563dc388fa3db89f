package dev.canopy.payouts.internal;

import dev.canopy.platform.PdfFonts;
import dev.canopy.shared.Money;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Lays text and tables out on A4 pages from top to bottom with PDFBox (ADR 15), starting a new page when the
 * next row does not fit and repeating the table's header there, then numbers the pages, in {@link PdfFonts}'
 * font.
 */
final class PdfLayout implements AutoCloseable {

    /** A table column; the widths of a table's columns add up to {@link #WIDTH}. */
    record Column(String title, float width, boolean alignRight) {}

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 40;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 20;
    private static final float SIZE = 9;
    private static final float LEADING = 1.3f;
    private static final float PADDING = 3;
    // A cell taller than this would not fit on any page; its text is cut there (descriptions are short).
    private static final int MAX_CELL_LINES = 40;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private final PDDocument document = new PDDocument();
    private final PDFont font;
    private final String footer;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    PdfLayout(String title, String footer) throws IOException {
        font = PdfFonts.load(document);
        document.getDocumentInformation().setTitle(title);
        this.footer = footer;
        newPage();
    }

    /** "INR 180000.00": the ISO code prints in any font and reads the same in every country. */
    static String money(Money money) {
        return money.currencyCode() + " " + money.amount().toPlainString();
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    void title(String text) throws IOException {
        paragraph(text, 16, true);
        space(4);
    }

    /** Text across the page, wrapped; "\n" starts a new line. */
    void paragraph(String text, float size, boolean bold) throws IOException {
        float leading = size * LEADING;
        for (String line : wrap(text, size, WIDTH)) {
            fit(leading);
            write(content, line, MARGIN, y - size, size, bold);
            y -= leading;
        }
    }

    void space(float points) {
        y -= points;
    }

    /** A ruled table whose header row is repeated on every page it runs onto. */
    void table(List<Column> columns, List<List<String>> rows) throws IOException {
        List<String> titles = columns.stream().map(Column::title).toList();
        // Never a header alone at the foot of a page.
        fit(height(columns, titles) + (rows.isEmpty() ? 0 : height(columns, rows.getFirst())));
        row(columns, titles, titles.size(), Color.DARK_GRAY);
        for (List<String> row : rows) {
            if (y - height(columns, row) < BOTTOM) {
                newPage();
                row(columns, titles, titles.size(), Color.DARK_GRAY);
            }
            row(columns, row, 0, Color.LIGHT_GRAY);
        }
    }

    /** Labelled fields without rules: the label (first column) bold. */
    void fields(List<Column> columns, List<List<String>> rows) throws IOException {
        for (List<String> row : rows) {
            fit(height(columns, row));
            row(columns, row, 1, null);
        }
    }

    /** A total at the right: its label, then its amount; the grand total in bold. */
    void total(String label, String amount, boolean bold) throws IOException {
        List<Column> columns = List.of(new Column("", WIDTH - 120, true), new Column("", 120, true));
        List<String> cells = List.of(label, amount);
        fit(height(columns, cells));
        row(columns, cells, bold ? 2 : 0, null);
    }

    byte[] toBytes() throws IOException {
        content.close();
        content = null;
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream stream =
                    new PDPageContentStream(document, document.getPage(i), AppendMode.APPEND, true, true)) {
                float baseline = MARGIN;
                String number = "Page " + (i + 1) + " of " + pages;
                write(stream, printable(footer), MARGIN, baseline, 7, false);
                write(stream, number, MARGIN + WIDTH - width(number, 7), baseline, 7, false);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
        }
        document.close();
    }

    /** One row of cells, the first {@code boldColumns} in bold, with a rule under it unless {@code rule} is null. */
    private void row(List<Column> columns, List<String> cells, int boldColumns, Color rule) throws IOException {
        float height = height(columns, cells);
        float x = MARGIN;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            float baseline = y - PADDING - SIZE;
            for (String line : lines(column, cells.get(c))) {
                float left = column.alignRight() ? x + column.width() - PADDING - width(line, SIZE) : x + PADDING;
                write(content, line, left, baseline, SIZE, c < boldColumns);
                baseline -= SIZE * LEADING;
            }
            x += column.width();
        }
        y -= height;
        if (rule != null) {
            content.setStrokingColor(rule);
            content.setLineWidth(boldColumns > 0 ? 0.8f : 0.3f);
            content.moveTo(MARGIN, y);
            content.lineTo(MARGIN + WIDTH, y);
            content.stroke();
        }
    }

    private float height(List<Column> columns, List<String> cells) throws IOException {
        int most = 1;
        for (int c = 0; c < columns.size(); c++) {
            most = Math.max(most, lines(columns.get(c), cells.get(c)).size());
        }
        return most * SIZE * LEADING + 2 * PADDING;
    }

    private List<String> lines(Column column, String text) throws IOException {
        List<String> lines = wrap(text, SIZE, column.width() - 2 * PADDING);
        if (lines.size() <= MAX_CELL_LINES) {
            return lines;
        }
        List<String> cut = new ArrayList<>(lines.subList(0, MAX_CELL_LINES));
        cut.set(MAX_CELL_LINES - 1, cut.getLast() + " …");
        return cut;
    }

    /** Lines of at most {@code maxWidth} points, broken between words, and inside a word only if it is wider. */
    private List<String> wrap(String text, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String line = "";
            for (String word : printable(paragraph).split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                String longer = line.isEmpty() ? word : line + " " + word;
                if (width(longer, size) <= maxWidth) {
                    line = longer;
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line);
                }
                while (width(word, size) > maxWidth) {
                    int fits = fittingPrefix(word, size, maxWidth);
                    lines.add(word.substring(0, fits));
                    word = word.substring(fits);
                }
                line = word;
            }
            lines.add(line);
        }
        return lines;
    }

    private int fittingPrefix(String word, float size, float maxWidth) throws IOException {
        int end = word.offsetByCodePoints(0, 1); // at least one character, or the loop would never end
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (width(word.substring(0, next), size) > maxWidth) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** The text with whitespace as plain spaces, invisible formatting dropped and unknown glyphs as "?". */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
                out.append(' ');
            } else if (Character.getType(codePoint) != Character.FORMAT) {
                out.append(hasGlyph(codePoint) ? Character.toString(codePoint) : "?");
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        return glyphs.computeIfAbsent(codePoint, c -> PdfFonts.hasGlyph(font, c));
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private void write(PDPageContentStream stream, String text, float x, float baseline, float size, boolean bold)
            throws IOException {
        stream.setLineWidth(size / 30);
        stream.setStrokingColor(Color.BLACK);
        stream.beginText();
        stream.setFont(font, size);
        stream.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    private void fit(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = TOP;
    }
}
