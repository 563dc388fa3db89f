package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.deals.DealFixtures;
import dev.canopy.payouts.PayoutDetails.PayoutInput;
import dev.canopy.payouts.PayoutDetails.TaxInput;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A partner changes its bank account and its legal name after a run was exported: the run's payment file,
 * made again, still pays the account it was exported with, and its self-billed invoice keeps the tax identity
 * its GST was worked out with. The next run pays the new account.
 */
@CanopyTest
class ARunKeepsTheDetailsItWasPaidToAndTaxedWith {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PayoutRuns runs;

    @Autowired
    PayoutRunPayments payments;

    @Autowired
    PayoutFiles files;

    @Autowired
    PayoutStatements statements;

    @Autowired
    PayoutDetails details;

    PayoutFixtures p;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member partner;

    @BeforeEach
    void setUp() {
        p = new PayoutFixtures(context);
        tenant = fixtures.newWorkspace();
        program = p.referralProgramme(tenant, "INR");
        partner = p.bankPartner(tenant, program, PayoutFixtures.IBANS.get(0));
        p.gstRegistered(tenant, partner.id());
        p.vendorGstin(tenant);
    }

    @Test
    void laterChangesPayTheNextRunNotTheOneExported() throws IOException {
        p.approvedCommission(tenant, program, partner.id(), "100000", "INR");
        PayoutRunView first = p.approvedRun(tenant);
        fixtures.as(tenant.owner(), () -> payments.export(first.id()));

        fixtures.as(tenant.owner(), () -> {
            details.savePayout(
                    partner.id(),
                    new PayoutInput(
                            "BANK",
                            "Renamed Payee",
                            null,
                            PayoutFixtures.IBANS.get(1),
                            "WESTGB2L",
                            null,
                            null,
                            null,
                            null));
            return details.saveTax(
                    partner.id(),
                    new TaxInput(
                            "IN",
                            "Bluebird Renamed LLP",
                            "99 New Road, Bengaluru",
                            PayoutFixtures.PAN,
                            PayoutFixtures.GSTIN,
                            null,
                            null));
        });

        String firstFile = bankFile(first);
        assertThat(firstFile).contains(PayoutFixtures.IBANS.get(0)).doesNotContain(PayoutFixtures.IBANS.get(1));
        assertThat(firstFile).doesNotContain("Renamed Payee");
        PayoutLineView line = p.line(tenant, first, partner.id());
        String invoice = text(fixtures.as(tenant.owner(), () -> statements.invoice(first.id(), line.id())));
        assertThat(invoice).contains("Bluebird Consulting LLP", "12 MG Road").doesNotContain("Renamed");

        fixtures.as(tenant.owner(), () -> payments.markPaid(first.id()));
        p.approvedCommission(tenant, program, partner.id(), "100000", "INR");
        PayoutRunView second = p.approvedRun(tenant);
        fixtures.as(tenant.owner(), () -> payments.export(second.id()));

        assertThat(bankFile(second)).contains(PayoutFixtures.IBANS.get(1), "Renamed Payee");
        PayoutLineView next = p.line(tenant, second, partner.id());
        assertThat(text(fixtures.as(tenant.owner(), () -> statements.invoice(second.id(), next.id()))))
                .contains("Bluebird Renamed LLP");
    }

    private String bankFile(PayoutRunView run) {
        return new String(
                fixtures.as(tenant.owner(), () -> files.file(run.id(), "bank", "INR"))
                        .content(),
                StandardCharsets.UTF_8);
    }

    private static String text(PayoutDocument pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.content())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
