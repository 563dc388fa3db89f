package dev.canopy.payouts.internal;

import dev.canopy.platform.CsvCells;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import dev.canopy.shared.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every CSV payment file shares: the checks any payment must pass, the whole file refused with every line
 * at fault named, amounts written exactly, and text cells defused against formula injection (the files are
 * opened in spreadsheets before they are uploaded).
 */
abstract class CsvExportFormat implements ExportFormat {

    @Override
    public final String contentType() {
        return "text/csv; charset=UTF-8";
    }

    @Override
    public final String fileName(String runReference) {
        String safe = runReference == null ? "" : runReference.strip().replaceAll("[^A-Za-z0-9._-]+", "_");
        return "payouts-" + (safe.isEmpty() ? "" : safe + "-") + id() + ".csv";
    }

    @Override
    public final byte[] write(List<PayoutExportLine> lines) {
        check(lines);
        return CsvFile.of(header(), lines.stream().map(this::row).toList());
    }

    /** The column names, or none for a file without a header row. */
    abstract List<String> header();

    /** The most payments the service takes in one file. */
    int maxLines() {
        return Integer.MAX_VALUE;
    }

    /** Adds a problem for everything {@code line} lacks for this format; fields are named {@code at + ".field"}. */
    abstract void check(PayoutExportLine line, String at, List<FieldProblem> problems);

    /** Checks across lines (PayPal's one currency per file); none by default. */
    void checkFile(List<PayoutExportLine> lines, List<FieldProblem> problems) {}

    /** The cells of a line: a {@link Money} is written as an amount, anything else as text. */
    abstract List<Object> row(PayoutExportLine line);

    private void check(List<PayoutExportLine> lines) {
        if (lines.isEmpty()) {
            throw new InvalidInputException("lines", "There is no payment to put in the file");
        }
        if (lines.size() > maxLines()) {
            throw new InvalidInputException(
                    "lines", label() + " takes at most " + maxLines() + " payments per file; split the run");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            PayoutExportLine line = lines.get(i);
            String at = "lines[" + i + "]";
            if (line.method() != method()) {
                problems.add(new FieldProblem(
                        at + ".method",
                        label() + " takes " + method().label() + " payments only; this one is paid by "
                                + line.method().label()));
                continue;
            }
            if (line.reference().isEmpty()) {
                problems.add(new FieldProblem(at + ".reference", "Every payment needs its reference"));
            } else {
                Integer first = firstLineOf.putIfAbsent(line.reference(), i);
                if (first != null) {
                    // Two lines with one reference would pay twice under one id: the id must stay unique.
                    problems.add(new FieldProblem(
                            at + ".reference", line.reference() + " is already in this file, at lines[" + first + "]"));
                }
            }
            if (line.amount().amount().signum() <= 0) {
                problems.add(new FieldProblem(at + ".amount", "A payment must be more than zero"));
            }
            check(line, at, problems);
        }
        checkFile(lines, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A cell as written: also for the other CSV files of the module, which go to the same spreadsheets. */
    static String cell(Object value) {
        if (value instanceof Money money) {
            // Money is already at the currency's scale; toPlainString never uses an exponent.
            return CsvCells.number(money.amount());
        }
        return CsvCells.text(value);
    }
}
