package dev.canopy.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.programs.ProgramView;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Files that cannot be imported are refused before anything starts, with the file's field named — NUL characters,
 * bytes that are not UTF-8, a header without rows — and within a file, an amount finer than a cent refuses its row
 * only. The report never lets a spreadsheet run a cell that came from the file.
 */
@CanopyTest
class ImportsRefuseBadInput {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Imports imports;

    @Autowired
    ApplicationContext context;

    @Test
    void aFileThatIsNotCleanTextIsRefusedWithItsFieldNamed() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = new ImportFixtures(context).programmeWithGold(tenant);
        String header = "id,email,name,company_name,country,group\n";

        assertThat(problem(
                        tenant, program, (header + "pn_1,a@x.example,An\u0000a,,,\n").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new InvalidInputException.FieldProblem("partners", "Contains a control character (U+0000)"));
        byte[] latin1 = (header + "pn_1,a@x.example,Jos\u00e9,,,\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problem(tenant, program, latin1).field()).isEqualTo("partners");
        assertThat(problem(tenant, program, latin1).message()).startsWith("Not UTF-8 text");
        assertThat(problem(tenant, program, header.getBytes(StandardCharsets.UTF_8))
                        .message())
                .isEqualTo("Give a file of 1 to 250,000 rows");
        assertThat(fixtures.count("imports_run", tenant.id())).isZero();
    }

    @Test
    void anAmountFinerThanACentRefusesItsRowAndTheReportDisarmsFormulas() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = new ImportFixtures(context).programmeWithGold(tenant);
        Map<RecordKind, Imports.Upload> files = Map.of(
                RecordKind.PARTNERS,
                upload(
                        "id,email,name,company_name,country,group\n=HYPERLINK(\"http://evil.example\"),a@x.example,Ana,,,\n"),
                RecordKind.COMMISSIONS,
                upload("id,partner_id,customer_id,earnings,currency,amount,status,created_at\n"
                        + "cm_1,=HYPERLINK(\"http://evil.example\"),,1250.5,usd,,pending,2026-01-01\n"
                        + "cm_2,=HYPERLINK(\"http://evil.example\"),,1250,usd,,pending,2026-01-01\n"));

        ImportRun run = new ImportFixtures(context)
                .finished(
                        tenant,
                        fixtures.as(
                                tenant.owner(),
                                () -> imports.start(
                                        ImportSource.DUB, program.id().value(), files, false)));

        assertThat(List.of(run.created(), run.refused())).containsExactly(2, 1);
        String report = fixtures.as(tenant.owner(), () -> imports.report(run.id()));
        assertThat(report)
                .contains("'=HYPERLINK")
                .doesNotContain(",=HYPERLINK")
                .contains("commissions,2,cm_1,refused,earnings: '1250.5' is finer than a cent");
    }

    private InvalidInputException.FieldProblem problem(Fixtures.Tenant tenant, ProgramView program, byte[] content) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> fixtures.as(
                tenant.owner(),
                () -> imports.start(
                        ImportSource.DUB,
                        program.id().value(),
                        Map.of(RecordKind.PARTNERS, new Imports.Upload("partners.csv", content)),
                        true)));
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) thrown).problems().getFirst();
    }

    private static Imports.Upload upload(String csv) {
        return new Imports.Upload("file.csv", csv.getBytes(StandardCharsets.UTF_8));
    }
}
