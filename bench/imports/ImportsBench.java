import bench.Bench;
import dev.canopy.identity.Workspaces;
import dev.canopy.imports.ImportRun;
import dev.canopy.imports.ImportSource;
import dev.canopy.imports.Imports;
import dev.canopy.imports.RecordKind;
import dev.canopy.partners.PartnerType;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.ProgramDraft;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.TrackingSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An import of a whole ecosystem in Dub's export shapes: how long each file takes, in records per second, for the
 * first (real) run and for a re-run of the same files, which changes nothing.
 */
public class ImportsBench {

    public static void main(String[] args) throws Exception {
        int partners = 10_000;
        for (String arg : args) {
            if (arg.startsWith("--partners=")) {
                partners = Integer.parseInt(arg.substring("--partners=".length()).replace("_", "").replace(",", ""));
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        Map<RecordKind, Imports.Upload> files = exports(partners);
        try (Bench.Canopy canopy = Bench.start("imports-bench")) {
            ConfigurableApplicationContext app = canopy.app();
            String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            WorkspaceId workspace = app.getBean(Workspaces.class)
                    .signUp(new Workspaces.SignUp(
                            "Bench Co", slug, "Bench Owner", slug + "@bench.example", "bench-password-2026"))
                    .workspaceId();
            Actor owner = Actor.system();
            ProgramView program = AsSystem.in(workspace, owner, () -> app.getBean(Programs.class)
                    .create(new ProgramDraft(
                            "Affiliates", "", List.of(PartnerType.AFFILIATE.name()), "Earn on every sale.",
                            "COMMISSION", "20", "20", "of every payment", "USD", "", "", "", "30", "", "", true)));
            AsSystem.in(workspace, owner, () -> {
                app.getBean(TrackingSettings.class).allowDomain("shop.example");
                return null;
            });
            Imports imports = app.getBean(Imports.class);
            for (String pass : List.of("first run", "re-run")) {
                ImportRun started = AsSystem.in(workspace, owner, () -> imports.start(
                        ImportSource.DUB, program.id().value(), files, false));
                Map<RecordKind, Long> phaseStart = new EnumMap<>(RecordKind.class);
                Map<RecordKind, Long> phaseEnd = new EnumMap<>(RecordKind.class);
                long start = System.nanoTime();
                RecordKind current = RecordKind.PARTNERS;
                phaseStart.put(current, start);
                ImportRun run;
                do {
                    Thread.sleep(100);
                    run = AsSystem.in(workspace, owner, () -> imports.get(started.id()));
                    if (run.phase() != null && run.phase() != current) {
                        long now = System.nanoTime();
                        phaseEnd.put(current, now);
                        current = run.phase();
                        phaseStart.put(current, now);
                    }
                } while (run.running());
                long end = System.nanoTime();
                phaseEnd.putIfAbsent(current, end);
                System.out.printf("%s: %s in %.1f s — created %,d, updated %,d, unchanged %,d, refused %,d%n",
                        pass, run.status(), (end - start) / 1e9, run.created(), run.updated(), run.unchanged(),
                        run.refused());
                Map<RecordKind, Integer> counts = Map.of(
                        RecordKind.PARTNERS, partners,
                        RecordKind.LINKS, partners * 5,
                        RecordKind.CUSTOMERS, partners * 2,
                        RecordKind.COMMISSIONS, partners * 20);
                for (RecordKind kind : RecordKind.values()) {
                    if (phaseStart.containsKey(kind)) {
                        double seconds = (phaseEnd.get(kind) - phaseStart.get(kind)) / 1e9;
                        System.out.printf("  %-12s %,9d records in %6.1f s  (%,.0f records/s)%n",
                                kind.label(), counts.get(kind), seconds, counts.get(kind) / seconds);
                    }
                }
            }
        }
    }

    /** Dub's export shapes: partners, 5 links and 2 customers each, 20 commissions each in every status. */
    private static Map<RecordKind, Imports.Upload> exports(int partners) {
        StringBuilder p = new StringBuilder("id,email,name,company_name,country,group\n");
        StringBuilder l = new StringBuilder("id,partner_id,key,url\n");
        StringBuilder c = new StringBuilder("id,external_id,partner_id,email,name,created_at\n");
        StringBuilder k = new StringBuilder("id,partner_id,customer_id,earnings,currency,amount,status,created_at\n");
        String[] statuses = {"paid", "paid", "processed", "pending"};
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < partners; i++) {
            p.append("pn_").append(i).append(",p").append(i).append("@partners.example,Partner ").append(i)
                    .append(",Company ").append(i).append(",DE,\n");
            for (int j = 0; j < 5; j++) {
                l.append("ln_").append(i).append('_').append(j).append(",pn_").append(i).append(",p")
                        .append(i).append("-l").append(j).append(",https://shop.example/pricing\n");
            }
            for (int j = 0; j < 2; j++) {
                c.append("cu_").append(i).append('_').append(j).append(",cus_").append(i).append('_').append(j)
                        .append(",pn_").append(i).append(",buyer").append(i).append('_').append(j)
                        .append("@customers.example,Customer ").append(i).append(",")
                        .append(start.plus(i % 600, ChronoUnit.DAYS)).append('\n');
            }
            for (int j = 0; j < 20; j++) {
                k.append("cm_").append(i).append('_').append(j).append(",pn_").append(i).append(",cus_").append(i)
                        .append('_').append(j % 2).append(',').append(1000 + j * 25).append(",usd,")
                        .append(5000 + j * 125).append(',').append(statuses[j % 4]).append(',')
                        .append(start.plus(i % 600 + j, ChronoUnit.DAYS)).append('\n');
            }
        }
        Map<RecordKind, Imports.Upload> files = new EnumMap<>(RecordKind.class);
        files.put(RecordKind.PARTNERS, upload("partners.csv", p));
        files.put(RecordKind.LINKS, upload("links.csv", l));
        files.put(RecordKind.CUSTOMERS, upload("customers.csv", c));
        files.put(RecordKind.COMMISSIONS, upload("commissions.csv", k));
        return files;
    }

    private static Imports.Upload upload(String name, StringBuilder content) {
        return new Imports.Upload(name, content.toString().getBytes(StandardCharsets.UTF_8));
    }
}
