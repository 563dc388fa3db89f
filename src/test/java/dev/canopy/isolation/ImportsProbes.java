package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.imports.ImportSource;
import dev.canopy.imports.Imports;
import dev.canopy.imports.OwnCsvImports;
import dev.canopy.imports.RecordKind;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Imports: B's dry run, its outcomes and report, never read or run for real by A. */
class ImportsProbes implements ModuleProbes {

    private final ApplicationContext context;
    private UUID run;
    private UUID waiting;
    private String partnerEmail;

    ImportsProbes(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void prepare(Fixtures.Tenant victim, Attacker a) {
        Fixtures fixtures = context.getBean(Fixtures.class);
        var program = new CommissionFixtures(context).referralProgram(victim, "USD", 30);
        partnerEmail = Fixtures.uniqueEmail("victim-import");
        String csv = "id,email,name,company_name,country,group\npn_1," + partnerEmail + ",Vera,Victim Imports,,\n";
        run = fixtures.as(
                        victim.owner(),
                        () -> context.getBean(Imports.class)
                                .start(
                                        ImportSource.DUB,
                                        program.id().value(),
                                        Map.of(
                                                RecordKind.PARTNERS,
                                                new Imports.Upload(
                                                        "partners.csv", csv.getBytes(StandardCharsets.UTF_8))),
                                        true))
                .id();
        // The dry run ends on a background thread, auditing as it does: ended before the probes fingerprint B's data.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !fixtures.as(
                                victim.owner(),
                                () -> context.getBean(Imports.class).get(run))
                        .running());
        waiting = fixtures.as(
                        victim.owner(),
                        () -> context.getBean(OwnCsvImports.class)
                                .upload(
                                        RecordKind.DEALS,
                                        program.id().value(),
                                        new Imports.Upload(
                                                "deals.csv",
                                                "deal_id,partner\nD-1,Victim Imports\n"
                                                        .getBytes(StandardCharsets.UTF_8)),
                                        true))
                .id();
    }

    @Override
    public List<Probe> probes() {
        String app = "/app/imports/" + run;
        return List.of(
                new Probe("/app/imports/{id}", get(app)),
                new Probe("/app/imports/{id}/report.csv", get(app + "/report.csv")),
                new Probe("/app/imports/{id}/confirm", post(app + "/confirm")),
                new Probe("/app/imports/{id}/columns", get("/app/imports/" + waiting + "/columns")),
                new Probe(
                        "/app/imports/{id}/columns",
                        post("/app/imports/" + waiting + "/columns")
                                .param("column-id", "deal_id")
                                .param("column-partner", "partner")));
    }

    @Override
    public List<String> secrets() {
        return List.of(partnerEmail, run.toString());
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(get("/app/imports"));
    }

    @Override
    public List<String> apiLists() {
        return List.of();
    }
}
