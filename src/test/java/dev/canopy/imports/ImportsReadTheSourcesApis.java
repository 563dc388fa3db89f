package dev.canopy.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.ledger.Ledger;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.SourceApiStub;
import dev.canopy.tracking.internal.LinkCache;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each source's API, as a local stub replaying its recorded answer shapes: a refused key is named on the form and
 * starts nothing; the right one is sent as the source expects (Basic or Bearer, with the account or programme id),
 * every page is read, and the records are imported like the source's CSV exports — paid commissions recorded as
 * paid outside Canopy; a second fetch changes nothing.
 */
@CanopyTest
class ImportsReadTheSourcesApis {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Imports imports;

    @Autowired
    ApiImports apiImports;

    @Autowired
    SourceApiStub stub;

    @Autowired
    Ledger ledger;

    @Autowired
    LinkCache links;

    @Autowired
    JdbcClient db;

    @Autowired
    ApplicationContext context;

    @ParameterizedTest
    @EnumSource(value = ImportSource.class, names = "CSV", mode = EnumSource.Mode.EXCLUDE)
    void everyPageIsReadAndImportedOnce(ImportSource source) {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = new ImportFixtures(context).programmeWithGold(tenant);
        String slug = "api-" + source.name().toLowerCase().substring(0, 3) + "-2025";
        String secret = source == ImportSource.PARTNERSTACK ? "sk_live_1" : null;
        String account = switch (source) {
            case FIRSTPROMOTER -> "acc_42";
            case TOLT, DUB -> "prog_7";
            default -> null;
        };
        stub.accept(
                source,
                switch (source) {
                    case PARTNERSTACK -> basic("pk_live_1:sk_live_1");
                    case REWARDFUL -> basic("pk_live_1:");
                    default -> "Bearer pk_live_1";
                });
        SampleApis.load(stub, source, slug);

        assertThatThrownBy(() -> fixtures.as(
                        tenant.owner(),
                        () -> apiImports.startFromApi(source, program.id().value(), "wrong", secret, account, false)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("key");
                            assertThat(p.message()).isEqualTo(source.label() + " refused this key (401)");
                        }));
        assertThat(fixtures.count("imports_run", tenant.id())).isZero();

        ImportRun run = finished(
                tenant,
                fixtures.as(
                        tenant.owner(),
                        () -> apiImports.startFromApi(
                                source, program.id().value(), "pk_live_1", secret, account, false)));

        assertThat(run.status()).isEqualTo(ImportRun.Status.DONE);
        assertThat(run.fromApi()).isTrue();
        int unexpressible = source == ImportSource.TOLT || source == ImportSource.DUB ? 0 : 1; // a link of nobody
        assertThat(List.of(run.created(), run.updated(), run.unchanged(), run.refused()))
                .containsExactly(8, 0, 0, 4 - unexpressible);
        assertThat(links.find(tenant.slug(), slug)).isPresent();
        assertThat(db.sql("select status from commissions_commission where workspace_id = ? order by status")
                        .param(tenant.id().value())
                        .query(String.class)
                        .list())
                .containsExactly("APPROVED", "PAID", "PENDING");
        assertThat(ledger.check(tenant.id())).isEmpty();
        String pagedAndScoped = switch (source) {
            case PARTNERSTACK -> "/partnerships?limit=250&starting_after=part_b";
            case REWARDFUL -> "/affiliates?limit=100&page=2";
            case FIRSTPROMOTER -> "/promoters?per_page=100&page=1 Account-ID=acc_42";
            case TOLT -> "/partners?limit=100&starting_after=part_b&program_id=prog_7";
            case DUB -> "/commissions?pageSize=100&page=1&programId=prog_7";
            case CSV -> throw new IllegalArgumentException("No API");
        };
        assertThat(stub.requests()).anySatisfy(r -> assertThat(r).endsWith(pagedAndScoped));

        ImportRun again = finished(
                tenant,
                fixtures.as(
                        tenant.owner(),
                        () -> apiImports.startFromApi(
                                source, program.id().value(), "pk_live_1", secret, account, false)));

        assertThat(List.of(again.created(), again.updated(), again.unchanged())).containsExactly(0, 0, 8);
    }

    private ImportRun finished(Fixtures.Tenant tenant, ImportRun started) {
        return new ImportFixtures(context).finished(tenant, started);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
