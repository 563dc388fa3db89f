package dev.canopy.analytics.web;

import dev.canopy.analytics.FunnelReport;
import dev.canopy.analytics.ProgramPnl;
import dev.canopy.platform.CsvCells;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The dashboard's partner and programme tables as CSV: the same rows and figures as the page. */
final class FunnelCsv {

    private FunnelCsv() {}

    static String partners(FunnelReport report) {
        return table(
                List.of(
                        "Partner",
                        "Partner id",
                        "Clicks",
                        "Unique clicks",
                        "Bot requests",
                        "Leads",
                        "New customers",
                        "Revenue",
                        "Commissions",
                        "Currency"),
                report.partners().stream()
                        .map(row -> List.<Object>of(
                                CsvCells.text(row.name()),
                                row.partner().value(),
                                row.clicks(),
                                row.uniqueClicks(),
                                row.botRequests(),
                                row.leads(),
                                row.customers(),
                                CsvCells.number(row.revenue().amount()),
                                CsvCells.number(row.commissionCost().amount()),
                                row.revenue().currencyCode()))
                        .toList());
    }

    static String programmes(List<ProgramPnl> rows) {
        return table(
                List.of(
                        "Programme",
                        "Programme id",
                        "Clicks",
                        "Unique clicks",
                        "Bot requests",
                        "Leads",
                        "New customers",
                        "Partner revenue",
                        "Commission cost",
                        "Net contribution",
                        "Deals won (sourced)",
                        "Deals won (influenced)",
                        "Currency"),
                rows.stream()
                        .map(row -> List.<Object>of(
                                CsvCells.text(row.name()),
                                row.program().value(),
                                row.totals().clicks(),
                                row.totals().uniqueClicks(),
                                row.totals().botRequests(),
                                row.totals().leads(),
                                row.totals().customers(),
                                CsvCells.number(row.totals().partnerRevenue().amount()),
                                CsvCells.number(row.totals().commissionCost().amount()),
                                CsvCells.number(row.net().amount()),
                                CsvCells.number(row.deals().sourcedRevenue().amount()),
                                CsvCells.number(row.deals().influencedRevenue().amount()),
                                row.totals().partnerRevenue().currencyCode()))
                        .toList());
    }

    private static String table(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(header);
            for (List<Object> row : rows) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
