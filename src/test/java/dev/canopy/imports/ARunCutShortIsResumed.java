package dev.canopy.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.imports.internal.ImportFile;
import dev.canopy.imports.internal.ImportRunTable;
import dev.canopy.imports.internal.Importer;
import dev.canopy.imports.internal.Resumer;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node stops after the first committed batch of a real run (a crash): once its claim has run out, another node
 * takes the run over and goes on from the next batch — every partner stored once, every record reported once. A fetch
 * from an API cut short cannot go on (the key is not kept): it ends, saying so.
 */
@CanopyTest
class ARunCutShortIsResumed {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ImportRunTable runs;

    @Autowired
    Importer importer;

    @Autowired
    Resumer resumer;

    @Autowired
    Imports imports;

    @Autowired
    JdbcClient db;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    @Test
    void anotherNodeGoesOnAfterTheLastCommittedBatch() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = new CommissionFixtures(context).referralProgram(tenant, "USD", 30);
        StringBuilder csv = new StringBuilder("id,email,name,company_name,country,group\n");
        for (int i = 0; i < 2_500; i++) {
            csv.append("pn_")
                    .append(i)
                    .append(",p")
                    .append(i)
                    .append("@resume.example,P ")
                    .append(i)
                    .append(",,,\n");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        runs.insert(
                tenant.id(),
                id,
                ImportSource.DUB,
                program.id().value(),
                false,
                ImportRun.Status.RUNNING,
                Map.of(RecordKind.PARTNERS, "partners.csv"),
                Map.of(RecordKind.PARTNERS, csv.toString()),
                Map.of(RecordKind.PARTNERS, ImportFile.parse(csv.toString()).size()),
                "Test",
                now,
                now.plus(Importer.CLAIM));

        assertThat(importer.step(importer.open(id))).isTrue(); // the first batch commits, then the node is gone
        assertThat(fixtures.count("partners_partner", tenant.id())).isEqualTo(1_000);
        assertThat(resumer.claim()).isEmpty(); // its claim still holds
        db.sql("update imports_run set claimed_until = ? where id = ?")
                .params(java.sql.Timestamp.from(now.minusSeconds(1)), id)
                .update();

        assertThat(resumer.claim()).contains(id);
        importer.run(id);

        ImportRun run = fixtures.as(tenant.owner(), () -> imports.get(id));
        assertThat(run.status()).isEqualTo(ImportRun.Status.DONE);
        assertThat(run.created()).isEqualTo(2_500);
        assertThat(run.processed()).isEqualTo(2_500);
        assertThat(fixtures.count("partners_partner", tenant.id())).isEqualTo(2_500);
        assertThat(db.sql("select count(*) from imports_outcome where run_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2_500);
    }

    @Test
    void aFetchCutShortEndsAndSaysToStartAgain() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = new CommissionFixtures(context).referralProgram(tenant, "USD", 30);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        runs.insertFetching(
                tenant.id(), id, ImportSource.TOLT, program.id().value(), true, "Test", now, now.plus(Importer.CLAIM));

        assertThat(resumer.failAbandonedFetches()).isZero();
        db.sql("update imports_run set claimed_until = ? where id = ?")
                .params(java.sql.Timestamp.from(now.minusSeconds(1)), id)
                .update();
        resumer.failAbandonedFetches();

        ImportRun run = fixtures.as(tenant.owner(), () -> imports.get(id));
        assertThat(run.status()).isEqualTo(ImportRun.Status.FAILED);
        assertThat(run.error()).contains("start the import again");
    }
}
