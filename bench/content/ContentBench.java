import bench.Bench;
import dev.canopy.enablement.AssetInput;
import dev.canopy.enablement.AssetView;
import dev.canopy.enablement.ContentLibrary;
import dev.canopy.enablement.Upload;
import dev.canopy.enablement.Viewer;
import dev.canopy.enablement.internal.AssetSearch;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.platform.AsSystem;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The content library's search over many assets, and one large upload. The assets are made in PostgreSQL (what an
 * upload would store: title, description, folder, tags and a document's words, from a vocabulary of 20,000 words
 * with a few common ones), a third for one programme only; searches of one or two words, common and rare, are
 * timed through the same statements the library runs (staff, and a partner outside that programme).
 */
public final class ContentBench {

    private static final int VOCABULARY = 20_000;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            String[] parts = arg.replaceFirst("^--", "").split("=", 2);
            options.put(parts[0], parts.length > 1 ? parts[1] : "true");
        }
        int assets = Integer.parseInt(options.getOrDefault("assets", "50000"));
        int searches = Integer.parseInt(options.getOrDefault("searches", "300"));
        int pdfMegabytes = Integer.parseInt(options.getOrDefault("pdf-mb", "20"));
        Path work = Files.createTempDirectory("content-bench");
        try (Bench.Canopy canopy = Bench.start(work, false, "--canopy.content.directory=" + work.resolve("files"))) {
            ConfigurableApplicationContext app = canopy.app();
            String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            WorkspaceId workspace = app.getBean(Workspaces.class)
                    .signUp(new Workspaces.SignUp(
                            "Bench Co", slug, "Bench Owner", slug + "@bench.example", "bench-password-2026"))
                    .workspaceId();
            JdbcClient db = app.getBean(JdbcClient.class);
            UUID program = UUID.randomUUID();

            long made = System.nanoTime();
            db.sql("""
                            insert into enablement_asset (id, workspace_id, kind, title, description, folder, tags,
                                products, deal_stages, industries, body, audience_match, program_ids, tier_ids,
                                partner_types, regions, partner_ids, version, extracted_text, created_at, updated_at)
                            select gen_random_uuid(), :workspace, 'TEXT', 'Asset ' || g || ' w' || (g % :vocabulary),
                                   'About w' || ((g * 7) % :vocabulary) || ' and w' || ((g * 13) % :vocabulary),
                                   'Folder ' || (g % 40), array['tag' || (g % 100)], '{}', '{}', '{}', 'Body',
                                   'ALL', case when g % 3 = 0 then array[:program]::uuid[] else '{}' end, '{}', '{}',
                                   '{}', '{}', 0,
                                   (select string_agg(case when n % 10 = 0 then 'common' || (n % 5)
                                                           else 'w' || ((g * 31 + n * 7919) % :vocabulary) end, ' ')
                                    from generate_series(1, 300 + g % 2) n),
                                   now(), now()
                            from generate_series(1, :assets) g
                            """)
                    .param("workspace", workspace.value())
                    .param("vocabulary", VOCABULARY)
                    .param("program", program)
                    .param("assets", assets)
                    .update();
            db.sql("analyze enablement_asset").update();
            System.out.printf("%,d assets made in %.1f s%n", assets, (System.nanoTime() - made) / 1e9);

            AssetSearch table = app.getBean(AssetSearch.class);
            Viewer outsider = new Viewer(
                    new PartnerId(UUID.randomUUID()),
                    Set.of(UUID.randomUUID()),
                    Set.of(),
                    Set.of(PartnerType.RESELLER),
                    Set.of("EMEA"));
            Instant now = app.getBean(Clock.class).instant();
            Random random = new Random(42);
            for (String who : List.of("staff", "partner")) {
                List<Double> millis = new ArrayList<>();
                int found = 0;
                for (int i = 0; i < searches + 20; i++) {
                    String words = switch (i % 4) {
                        case 0 -> "common" + random.nextInt(5);
                        case 1 -> "w" + random.nextInt(VOCABULARY);
                        case 2 -> "w" + random.nextInt(VOCABULARY) + " common" + random.nextInt(5);
                        default -> "w" + random.nextInt(2_000);
                    };
                    AssetSearch.Query query = new AssetSearch.Query(words, null, false, ContentLibrary.LIMIT + 1);
                    long start = System.nanoTime();
                    int rows = who.equals("staff")
                            ? table.search(workspace, query).size()
                            : table.searchVisible(workspace, query, outsider, now).size();
                    double elapsed = (System.nanoTime() - start) / 1e6;
                    if (i >= 20) {
                        millis.add(elapsed);
                        found += rows;
                    }
                }
                List<Double> sorted = millis.stream().sorted().collect(Collectors.toList());
                System.out.printf(
                        "search as %s: %d searches, p50 %.1f ms, p95 %.1f ms, max %.1f ms (%.0f results on average)%n",
                        who,
                        sorted.size(),
                        sorted.get(sorted.size() / 2),
                        sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                        sorted.getLast(),
                        (double) found / sorted.size());
            }

            Path pdf = work.resolve("large.pdf");
            long writing = System.nanoTime();
            writePdf(pdf, pdfMegabytes * 1024L * 1024L);
            System.out.printf(
                    "a %.1f MB PDF written in %.1f s%n",
                    Files.size(pdf) / 1024.0 / 1024.0, (System.nanoTime() - writing) / 1e9);
            ContentLibrary library = app.getBean(ContentLibrary.class);
            long uploading = System.nanoTime();
            AssetView uploaded = AsSystem.in(workspace, Actor.system(), () -> library.create(
                    new AssetInput("FILE", "The large deck", null, "Decks", null, null, null, null, null, null,
                            null, null, null, null, null, null, null, null),
                    new Upload() {
                        @Override
                        public String fileName() {
                            return "large.pdf";
                        }

                        @Override
                        public InputStream open() throws IOException {
                            return Files.newInputStream(pdf);
                        }
                    }));
            double seconds = (System.nanoTime() - uploading) / 1e9;
            int words = db.sql("select length(extracted_text) from enablement_asset where id = ?")
                    .param(uploaded.id())
                    .query(Integer.class)
                    .single();
            long hits = table.search(workspace, new AssetSearch.Query("zebrafinch", null, false, 5)).size();
            System.out.printf(
                    "upload of %.1f MB (%s): stored, sniffed, read and indexed in %.1f s; %,d characters kept for"
                            + " search; found by a word of its first page: %s%n",
                    uploaded.file().sizeBytes() / 1024.0 / 1024.0,
                    uploaded.file().contentType(),
                    seconds,
                    words,
                    hits == 1);
        }
    }

    /** A PDF of text pages (uncompressed, each with different words) until it is {@code bytes} long. */
    private static void writePdf(Path path, long bytes) throws IOException {
        Random random = new Random(7);
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int pages = (int) Math.max(1, bytes / 3_200);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(
                        document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                    content.beginText();
                    content.setFont(font, 9);
                    content.newLineAtOffset(40, 750);
                    for (int line = 0; line < 40; line++) {
                        StringBuilder text = new StringBuilder(p == 0 && line == 0 ? "zebrafinch " : "");
                        for (int w = 0; w < 12; w++) {
                            text.append('w').append(random.nextInt(VOCABULARY)).append(' ');
                        }
                        content.showText(text.toString());
                        content.newLineAtOffset(0, -12);
                    }
                    content.endText();
                }
            }
            document.save(path.toFile());
        }
    }
}
