package dev.canopy.platform;

/**
 * One rule for every CSV Canopy writes: a cell a spreadsheet would run as a formula is written as text.
 * OWASP's CSV-injection guidance: a cell starting with {@code = + - @}, a tab or a carriage return gets a
 * leading apostrophe, which spreadsheets show as text and do not evaluate. Amounts are not cells of this kind:
 * a negative amount stays a number ({@link #number}).
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {}

    /** The text of {@code value} as a CSV cell that no spreadsheet evaluates; empty for null. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** An amount as written by Canopy (plain digits, a sign, a point): a number, left as it is. */
    public static String number(java.math.BigDecimal amount) {
        return amount.toPlainString();
    }
}
