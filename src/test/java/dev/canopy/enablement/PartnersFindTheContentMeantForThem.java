package dev.canopy.enablement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealView;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A vendor uploads a PDF and a Word file for one programme's members and writes a page for everyone; through the
 * console and the portal, as real requests: the member finds each by the words inside it and downloads it (with
 * its sniffed type, saved, never run), the partner outside the programme finds nothing and gets 404 for the page
 * and the file even with the right id, and the vendor reads who opened what. Replacing the file keeps version 1 and
 * tells who downloaded it, by email.
 */
@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnersFindTheContentMeantForThem {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Autowired
    MailSink mail;

    Fixtures.Tenant tenant;
    DealFixtures f;
    ProgramView program;
    DealFixtures.Member member;
    DealFixtures.Member outsider;
    String word;

    @BeforeAll
    void aProgrammeWithAMemberAndAPartnerOutsideIt() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
        member = f.member(tenant, program);
        outsider = f.member(tenant, f.program(tenant));
        word = "quokka" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theMemberFindsTheDeckByAWordInsideItAndTheOutsiderCannotReachIt() throws Exception {
        UUID deck = upload("Competitive deck", "Battlecards", "deck.pdf", SampleFiles.pdf("Why we win: " + word));

        String found = portal(member, "/portal/content?q=" + word).getResponse().getContentAsString();
        assertThat(found).contains("Competitive deck");
        String notFound =
                portal(outsider, "/portal/content?q=" + word).getResponse().getContentAsString();
        assertThat(notFound).doesNotContain("Competitive deck").doesNotContain("Battlecards");

        mvc.perform(get("/portal/content/" + deck).with(f.portal(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/portal/content/" + deck + "/download").with(f.portal(outsider)))
                .andExpect(status().isNotFound());

        mvc.perform(get("/portal/content/" + deck).with(f.portal(member))).andExpect(status().isOk());
        MvcResult download = mvc.perform(
                        get("/portal/content/" + deck + "/download").with(f.portal(member)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(download.getResponse().getHeader("Content-Security-Policy")).contains("sandbox");
        assertThat(download.getResponse().getContentAsByteArray())
                .startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));

        String usage = mvc.perform(get("/app/content/" + deck).with(Fixtures.signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(usage).select("[data-testid=usage-row]").text())
                .contains(member.email())
                .doesNotContain(outsider.email());
        assertThat(db.sql("select action, count(*) from enablement_asset_usage where asset_id = ? group by action"
                                + " order by action")
                        .param(deck)
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                        .list())
                .containsExactly("DOWNLOAD=1", "VIEW=1");
    }

    @Test
    void wordsInsideAWordDocumentAreFoundToo() throws Exception {
        String docWord = "wombat" + UUID.randomUUID().toString().substring(0, 8);
        upload("Pricing FAQ", "Pricing", "faq.docx", SampleFiles.docx("Discount rules: " + docWord));
        assertThat(portal(member, "/portal/content?q=" + docWord).getResponse().getContentAsString())
                .contains("Pricing FAQ");
    }

    @Test
    void aNewVersionReplacesTheFileAndKeepsTheOld() throws Exception {
        UUID sheet = upload("Price list", "Pricing", "prices.pdf", SampleFiles.pdf("Prices 2026"));
        mvc.perform(get("/portal/content/" + sheet + "/download").with(f.portal(member)))
                .andExpect(status().isOk());
        assertThat(newVersionNotices(sheet)).isZero();
        mvc.perform(multipart("/app/content/" + sheet + "/file")
                        .file(new MockMultipartFile(
                                "file", "prices-2027.pdf", "application/pdf", SampleFiles.pdf("Prices 2027")))
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(newVersionNotices(sheet))
                .as("the page and the library card tell who has version 1")
                .isEqualTo(2);
        await().untilAsserted(() -> assertThat(mail.messagesTo(member.email()))
                .extracting(MailSink.SinkMessage::subject)
                .containsOnlyOnce("New version: Price list"));
        assertThat(mail.messagesTo(outsider.email()))
                .extracting(MailSink.SinkMessage::subject)
                .doesNotContain("New version: Price list");
        MvcResult current = mvc.perform(
                        get("/portal/content/" + sheet + "/download").with(f.portal(member)))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(current.getResponse().getHeader("Content-Disposition")).contains("prices-2027.pdf");
        assertThat(newVersionNotices(sheet)).isZero();
        mvc.perform(get("/app/content/" + sheet + "/download?version=1").with(Fixtures.signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("prices.pdf")));
        mvc.perform(get("/portal/content/" + sheet + "/download?version=1").with(f.portal(member)))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Disposition", org.hamcrest.Matchers.containsString("prices-2027.pdf")));
    }

    @Test
    void twoNewVersionsUploadedAtOnceTakeTheNextTwoNumbers() throws Exception {
        UUID sheet = upload("Rate card", "Pricing", "rates.pdf", SampleFiles.pdf("Rates"));
        ContentLibrary library = context.getBean(ContentLibrary.class);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<AssetView>> uploads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int n = i;
                uploads.add(pool.submit(() -> fixtures.as(
                        tenant.owner(),
                        () -> library.replaceFile(
                                sheet, Upload.of("rates-" + n + ".pdf", SampleFiles.pdf("Rates " + n))))));
            }
            for (Future<AssetView> upload : uploads) {
                upload.get();
            }
        }
        assertThat(db.sql("select version from enablement_asset_version where asset_id = ? order by version")
                        .param(sheet)
                        .query(Integer.class)
                        .list())
                .containsExactly(1, 2, 3);
    }

    @Test
    void aPageForEveryoneIsReadWithoutItsScript() throws Exception {
        String title = "Talk track " + UUID.randomUUID();
        mvc.perform(multipart("/app/content")
                        .param("kind", "TEXT")
                        .param("title", title)
                        .param(
                                "body",
                                "# Opening\n<script>alert(1)</script>\n[Click](javascript:alert(2))"
                                        + " <img src=x onerror=alert(3)>")
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        UUID id = db.sql("select id from enablement_asset where title = ?")
                .param(title)
                .query(UUID.class)
                .single();
        String page = portal(outsider, "/portal/content/" + id).getResponse().getContentAsString();
        assertThat(page).contains("<h1>Opening</h1>").doesNotContain("alert(").doesNotContain("javascript:");
    }

    @Test
    void aDealRegistrationRecommendsWhatNamesItsProductsOrIndustryAndOnlyWhatThePartnerMaySee() throws Exception {
        DealView deal = f.register(member, program, "Acme Recommended", "acme-recommended.example");
        assertThat(deal.industry()).isEqualTo("Retail");
        String forDeal = "Cloud Suite pitch " + UUID.randomUUID();
        link(forDeal, "cloud suite", null);
        String forIndustry = "Retail case study " + UUID.randomUUID();
        link(forIndustry, "Something else", "Banking, retail", null);
        link("Unrelated " + UUID.randomUUID(), "Something else", "Banking", null);
        String hidden = "Hidden Cloud Suite sheet " + UUID.randomUUID();
        link(hidden, "Cloud Suite", outsider.id().value().toString());

        String fragment = mvc.perform(
                        get("/portal/content/recommended?deal=" + deal.id()).with(f.portal(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(fragment)
                        .select("[data-testid=recommended-asset]")
                        .eachText())
                .anyMatch(text -> text.contains(forDeal))
                .anyMatch(text -> text.contains(forIndustry))
                .noneMatch(text -> text.contains("Unrelated") || text.contains(hidden));
        mvc.perform(get("/portal/content/recommended?deal=" + deal.id()).with(f.portal(outsider)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theVendorSeesWhoNeverOpenedItAndDownloadsTheReport() throws Exception {
        String title = "Onboarding checklist " + UUID.randomUUID();
        link(title, "Onboarding", null);
        UUID id = db.sql("select id from enablement_asset where title = ?")
                .param(title)
                .query(UUID.class)
                .single();
        String memberName = "Partner " + member.email();

        assertThat(neverOpened(id)).contains(memberName).contains("Partner " + outsider.email());
        portal(member, "/portal/content/" + id);
        assertThat(neverOpened(id)).doesNotContain(memberName).contains("Partner " + outsider.email());

        String csv = mvc.perform(get("/app/content/" + id + "/usage.csv").with(Fixtures.signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines()).first().isEqualTo("partner,person,views,downloads,share_link_opens,last_used_at");
        assertThat(csv).contains(memberName + ",Partner Person <" + member.email() + ">,1,0,0,");
        assertThat(csv).contains("Partner " + outsider.email() + ",,0,0,0,");
    }

    @Test
    void aShareLinkOpensForAnyoneUntilThePartnerMayNoLongerSeeIt() throws Exception {
        UUID deck = upload("Customer deck", "Decks", "customer-deck.pdf", SampleFiles.pdf("For customers"));
        String token = share(deck);
        assertThat(share(deck)).as("the same link each time").isEqualTo(token);

        MvcResult opened =
                mvc.perform(get("/shared/" + token)).andExpect(status().isOk()).andReturn();
        assertThat(opened.getResponse().getHeader("Content-Disposition")).contains("customer-deck.pdf");
        assertThat(opened.getResponse().getHeader("Content-Security-Policy")).contains("sandbox");
        assertThat(db.sql("select count(*) from enablement_asset_usage where asset_id = ? and action = 'SHARE_OPEN'")
                        .param(deck)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String talk = "Talk for customers " + UUID.randomUUID();
        mvc.perform(multipart("/app/content")
                        .param("kind", "TEXT")
                        .param("title", talk)
                        .param("body", "**Why now** <script>alert(1)</script>")
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        UUID page = db.sql("select id from enablement_asset where title = ?")
                .param(talk)
                .query(UUID.class)
                .single();
        String pageToken = share(page);
        mvc.perform(get("/shared/" + pageToken))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/shared/" + pageToken + "/page"));
        String shown = mvc.perform(get("/shared/" + pageToken + "/page"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(shown).contains("<strong>Why now</strong>").doesNotContain("alert(");

        mvc.perform(multipart("/app/content/" + deck)
                        .param("title", "Customer deck")
                        .param("partnerIds", outsider.id().value().toString())
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/shared/" + token)).andExpect(status().isNotFound());
        mvc.perform(get("/shared/not-a-token")).andExpect(status().isNotFound());
    }

    private String share(UUID asset) throws Exception {
        String url = (String) mvc.perform(post("/portal/content/" + asset + "/share")
                        .with(f.portal(member))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap()
                .get("shareUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The "new version" notices the member sees: on the asset's page and on its card in the library. */
    private int newVersionNotices(UUID id) throws Exception {
        String page = portal(member, "/portal/content/" + id).getResponse().getContentAsString();
        String library =
                portal(member, "/portal/content?folder=Pricing").getResponse().getContentAsString();
        return Jsoup.parse(page).select("[data-testid=new-version]").size()
                + Jsoup.parse(library).select("[data-testid=new-version]").size();
    }

    private String neverOpened(UUID id) throws Exception {
        String page = mvc.perform(get("/app/content/" + id).with(Fixtures.signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(page).select("[data-testid=never-opened]").text();
    }

    private void link(String title, String product, String onlyPartner) throws Exception {
        link(title, product, "", onlyPartner);
    }

    private void link(String title, String product, String industries, String onlyPartner) throws Exception {
        var request = multipart("/app/content")
                .param("kind", "LINK")
                .param("title", title)
                .param("url", "https://example.com/" + UUID.randomUUID())
                .param("products", product)
                .param("industries", industries);
        if (onlyPartner != null) {
            request.param("partnerIds", onlyPartner);
        }
        mvc.perform(request.with(Fixtures.signedIn(tenant.owner())).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private UUID upload(String title, String folder, String fileName, byte[] bytes) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/app/content")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", bytes));
        request.param("kind", "FILE")
                .param("title", title)
                .param("folder", folder)
                .param("programIds", program.id().value().toString())
                .with(Fixtures.signedIn(tenant.owner()))
                .with(csrf());
        String location = mvc.perform(request)
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private MvcResult portal(DealFixtures.Member who, String url) throws Exception {
        return mvc.perform(get(url).with(f.portal(who)))
                .andExpect(status().isOk())
                .andReturn();
    }
}
