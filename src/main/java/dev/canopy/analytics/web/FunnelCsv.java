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
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(
                    "Partner", "Partner id", "Clicks", "Leads", "New customers", "Revenue", "Commissions", "Currency");
            for (FunnelReport.PartnerRow row : report.partners()) {
                csv.printRecord(
                        CsvCells.text(row.name()),
                        row.partner().value(),
                        row.clicks(),
                        row.leads(),
                        row.customers(),
                        CsvCells.number(row.revenue().amount()),
                        CsvCells.number(row.commissionCost().amount()),
                        row.revenue().currencyCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String programmes(List<ProgramPnl> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(
                    "Programme",
                    "Programme id",
                    "Clicks",
                    "Leads",
                    "New customers",
                    "Partner revenue",
                    "Commission cost",
                    "Net contribution",
                    "Deals won (sourced)",
                    "Deals won (influenced)",
                    "Currency");
            for (ProgramPnl row : rows) {
                FunnelReport.Totals t = row.totals();
                csv.printRecord(
                        CsvCells.text(row.name()),
                        row.program().value(),
                        t.clicks(),
                        t.leads(),
                        t.customers(),
                        CsvCells.number(t.partnerRevenue().amount()),
                        CsvCells.number(t.commissionCost().amount()),
                        CsvCells.number(row.net().amount()),
                        CsvCells.number(row.deals().sourcedRevenue().amount()),
                        CsvCells.number(row.deals().influencedRevenue().amount()),
                        t.partnerRevenue().currencyCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
