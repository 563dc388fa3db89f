package dev.canopy.directory;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.enablement.CertificationInput;
import dev.canopy.enablement.Certifications;
import dev.canopy.enablement.CourseInput;
import dev.canopy.enablement.Courses;
import dev.canopy.enablement.LessonInput;
import dev.canopy.partners.PartnerType;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.CertificationsForTests;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public directory, its JSON and its profiles show the partners who opted in and nobody else — not one that
 * opted out, one staff hid or one of another workspace — each filter narrows the list, and the order is tier, then
 * certified people, then name.
 */
@CanopyTest
class TheDirectoryFiltersRanksAndListsOnlyOptedInPartners {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Directory directory;

    @Autowired
    CertificationsForTests certified;

    private DirectoryFixtures f;
    private DirectoryFixtures.Listed goldImplementer;
    private DirectoryFixtures.Listed silverCertified;
    private DirectoryFixtures.Listed silverLessCertified;
    private DirectoryFixtures.Listed untiered;

    @BeforeEach
    void fourListedPartners() {
        f = new DirectoryFixtures(context);
        goldImplementer = f.listed(
                f.gold, DirectoryFixtures.profile(List.of("Implementation"), List.of("Retail"), List.of("EMEA")));
        silverCertified = f.listed(
                f.silver,
                DirectoryFixtures.profile(List.of("Training"), List.of("Healthcare"), List.of("Germany", "EMEA")));
        silverLessCertified = f.listed(
                f.silver, DirectoryFixtures.profile(List.of("Implementation"), List.of("Retail"), List.of("APAC")));
        untiered = f.listed(null, DirectoryFixtures.profile(List.of("Support"), List.of("Retail"), List.of("EMEA")));
        certified.certify(f.tenant.id(), silverCertified.id(), 5);
        certified.certify(f.tenant.id(), silverLessCertified.id(), 1);
    }

    @Test
    void theListRanksByTierThenCertifiedPeopleThenName() throws Exception {
        assertThat(slugs(json("")))
                .containsExactly(
                        goldImplementer.slug(), silverCertified.slug(), silverLessCertified.slug(), untiered.slug());
        String html = page("");
        assertThat(html.indexOf(goldImplementer.slug()))
                .isLessThan(html.indexOf(silverCertified.slug()))
                .isPositive();
        assertThat(html.indexOf(silverLessCertified.slug())).isLessThan(html.indexOf(untiered.slug()));
    }

    @Test
    void eachFilterNarrowsTheListToThePartnersThatMatchIt() throws Exception {
        assertThat(slugs(json("?service=implementation")))
                .containsExactly(goldImplementer.slug(), silverLessCertified.slug());
        assertThat(slugs(json("?industry=Healthcare"))).containsExactly(silverCertified.slug());
        assertThat(slugs(json("?region=germany"))).containsExactly(silverCertified.slug());
        assertThat(slugs(json("?region=EMEA")))
                .containsExactly(goldImplementer.slug(), silverCertified.slug(), untiered.slug());
        assertThat(slugs(json("?tier=Silver"))).containsExactly(silverCertified.slug(), silverLessCertified.slug());
        assertThat(slugs(json("?tier=Silver&service=Implementation"))).containsExactly(silverLessCertified.slug());
        assertThat(slugs(json("?type=RESELLER"))).hasSize(4);
        assertThat(slugs(json("?type=" + PartnerType.OEM.name()))).isEmpty();
        // The page filters the same way, without script (a GET form).
        String page = page("?industry=Healthcare");
        assertThat(page).contains(silverCertified.slug()).doesNotContain(goldImplementer.slug());
        assertThat(page("?industry=Healthcare&type=&tier=")).contains(silverCertified.slug());
    }

    @Test
    void theCertificationFilterKeepsPartnersWhosePeopleHoldIt() throws Exception {
        Certifications certifications = context.getBean(Certifications.class);
        Courses courses = context.getBean(Courses.class);
        UUID certification = f.staff(() -> {
            UUID course = courses.create(new CourseInput("Directory course", "", null, null, null, null, null, null))
                    .id();
            courses.addLesson(
                    course, new LessonInput("TEXT", "Read", "x", null, null, null, null, null, null, null), null);
            return certifications
                    .create(new CertificationInput("Implementer", "", List.of(course.toString()), "12"))
                    .id();
        });
        f.staff(() -> {
            UUID person = certifications.people(untiered.id()).getFirst().id();
            return certifications.award(certification, untiered.id().value(), person, "Classroom", "");
        });
        assertThat(slugs(json("?certification=Implementer"))).containsExactly(untiered.slug());
        JsonNode partner = json("?certification=Implementer").get("partners").get(0);
        assertThat(partner.get("certifications").get(0).asString()).isEqualTo("Implementer");
        assertThat(page("")).contains("Implementer");
    }

    @Test
    void aPartnerThatOptsOutOrIsHiddenAppearsNowhere() throws Exception {
        String profile = "/directory/" + f.tenant.slug() + "/" + silverCertified.slug();
        mvc.perform(get(profile)).andExpect(status().isOk());

        f.asPartner(
                silverCertified.member(),
                () -> directory.saveMine(
                        false, f.asPartner(silverCertified.member(), () -> profileOf(directory.mine()))));
        assertNowhere(silverCertified, profile);

        f.staff(() -> directory.update(goldImplementer.id(), null, true, "Under review"));
        assertNowhere(goldImplementer, "/directory/" + f.tenant.slug() + "/" + goldImplementer.slug());
        // Opting in again does not undo staff's hiding.
        f.asPartner(goldImplementer.member(), () -> directory.saveMine(true, profileOf(directory.mine())));
        assertNowhere(goldImplementer, "/directory/" + f.tenant.slug() + "/" + goldImplementer.slug());

        f.staff(() -> directory.update(goldImplementer.id(), null, false, null));
        assertThat(slugs(json(""))).contains(goldImplementer.slug());
    }

    @Test
    void aSuspendedPartnerAppearsNowhereThoughItStaysOptedIn() throws Exception {
        f.staff(() -> context.getBean(dev.canopy.partners.Partners.class)
                .changeStatus(untiered.id(), dev.canopy.partners.PartnerStatus.SUSPENDED, "Unpaid invoices"));
        assertNowhere(untiered, "/directory/" + f.tenant.slug() + "/" + untiered.slug());
        assertThat(f.staff(() -> directory.entry(untiered.id())).optedIn()).isTrue();
    }

    @Test
    void aPartnerAdminOptsInThroughThePortalAndBadInputStaysBesideItsField() throws Exception {
        DealFixtures.Member admin = f.partner(f.silver);
        var portal = new DealFixtures(context).portal(admin);
        String refused = mvc.perform(post("/portal/directory")
                        .param("optedIn", "true")
                        .param("description", "We migrate.")
                        .param("website", "javascript:alert(1)")
                        .param("services", "Migration, =1+1")
                        .with(portal)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused)
                .containsPattern("id=\"website\"[^>]*is-invalid|is-invalid[^>]*id=\"website\"")
                .containsPattern("id=\"services\"[^>]*is-invalid|is-invalid[^>]*id=\"services\"");
        assertThat(f.asPartner(admin, () -> directory.mine()).updatedAt()).isNull();
        mvc.perform(post("/portal/directory")
                        .param("optedIn", "true")
                        .param("description", "We migrate.")
                        .param("website", "migrators.example")
                        .param("services", "Migration, Training")
                        .with(portal)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        DirectoryEntry saved = f.asPartner(admin, () -> directory.mine());
        assertThat(saved.services()).containsExactly("Migration", "Training");
        assertThat(slugs(json("?service=training"))).contains(saved.slug());
    }

    @Test
    void aPartnerThatNeverOptedInAppearsNowhere() throws Exception {
        DealFixtures.Member quiet = f.partner(f.gold);
        DirectoryEntry entry = f.asPartner(quiet, () -> directory.mine());
        assertThat(entry.optedIn()).isFalse();
        assertThat(json("").toString()).doesNotContain(entry.name());
        assertThat(page("")).doesNotContain(entry.name());
        mvc.perform(get("/directory/" + f.tenant.slug() + "/" + entry.slug())).andExpect(status().isNotFound());
    }

    @Test
    void aDirectoryTurnedOffAnswers404Everywhere() throws Exception {
        f.staff(() -> {
            directory.enable(false);
            return null;
        });
        String base = "/directory/" + f.tenant.slug();
        mvc.perform(get(base)).andExpect(status().isNotFound());
        mvc.perform(get(base + "/partners.json")).andExpect(status().isNotFound());
        mvc.perform(get(base + "/embed.js")).andExpect(status().isNotFound());
        mvc.perform(get(base + "/" + goldImplementer.slug())).andExpect(status().isNotFound());
    }

    @Test
    void anotherWorkspacesAddressNeverShowsThisWorkspacesPartners() throws Exception {
        DirectoryFixtures other = new DirectoryFixtures(context);
        DirectoryFixtures.Listed theirs =
                other.listed(other.gold, DirectoryFixtures.profile(List.of("Implementation"), List.of(), List.of()));
        String name =
                f.asPartner(goldImplementer.member(), () -> directory.mine()).name();
        String otherBase = "/directory/" + other.tenant.slug();
        assertThat(mvc.perform(get(otherBase + "/partners.json"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(theirs.slug())
                .doesNotContain(goldImplementer.slug())
                .doesNotContain(name);
        assertThat(mvc.perform(get(otherBase)).andReturn().getResponse().getContentAsString())
                .doesNotContain(name);
        mvc.perform(get(otherBase + "/" + goldImplementer.slug())).andExpect(status().isNotFound());
        mvc.perform(get("/directory/" + f.tenant.slug() + "/" + theirs.slug())).andExpect(status().isNotFound());
    }

    @Test
    void onePartnerCannotEditAnothersListingAndStaffCannotOptAPartnerIn() throws Exception {
        DirectoryEntry before = f.staff(() -> directory.entry(untiered.id()));
        // A partner's listing page only ever edits its own company: there is no id to aim at another.
        mvc.perform(post("/portal/directory")
                        .param("optedIn", "false")
                        .param("description", "Hijacked")
                        .with(new DealFixtures(context).portal(goldImplementer.member()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(f.staff(() -> directory.entry(untiered.id()))).isEqualTo(before);
        assertThat(f.staff(() -> directory.entry(goldImplementer.id())).description())
                .isEqualTo("Hijacked");
        // Nor do the partner's people reach staff's operations on another listing.
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        f.asPartner(goldImplementer.member(), () -> directory.update(untiered.id(), null, true, "x")))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(post("/app/directory/" + untiered.id().value() + "/hide")
                        .with(new DealFixtures(context).portal(goldImplementer.member()))
                        .with(csrf()))
                .andExpect(status().is4xxClientError());
        // Staff correct and hide; opting in stays the partner's.
        DealFixtures.Member never = f.partner(f.silver);
        DirectoryEntry corrected = f.staff(() -> directory.update(
                never.id(), DirectoryFixtures.profile(List.of("X"), List.of(), List.of()), false, null));
        assertThat(corrected.optedIn()).isFalse();
        assertThat(corrected.listed()).isFalse();
    }

    @Test
    void theJsonIsForAnyOriginAndTheEmbedNamesItsFeed() throws Exception {
        String base = "/directory/" + f.tenant.slug();
        mvc.perform(get(base + "/partners.json")).andExpect(header().string("Access-Control-Allow-Origin", "*"));
        String script = mvc.perform(get(base + "/embed.js"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/javascript")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(script)
                .contains("\"http://")
                .contains(base + "/partners.json\"")
                .doesNotContain("innerHTML");
    }

    @Test
    void theConsoleShowsEveryListingAndTheSwitch() throws Exception {
        String html = mvc.perform(get("/app/directory").with(signedIn(f.tenant.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("data-testid=\"directory-on\"").contains("embed.js");
        assertThat(html.split("data-testid=\"directory-entry\"", -1)).hasSize(5);
        mvc.perform(post("/app/directory/" + untiered.id().value() + "/hide")
                        .param("reason", "Duplicate listing")
                        .with(signedIn(f.tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(f.staff(() -> directory.entry(untiered.id())).hiddenReason()).isEqualTo("Duplicate listing");
        String portal = mvc.perform(get("/portal/directory").with(new DealFixtures(context).portal(untiered.member())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(portal).contains("listing-hidden").contains("Duplicate listing");
        mvc.perform(post("/app/directory/enabled")
                        .param("enabled", "false")
                        .with(signedIn(f.tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(f.staff(() -> directory.enabled())).isFalse();
    }

    private void assertNowhere(DirectoryFixtures.Listed partner, String profile) throws Exception {
        String name = f.staff(() -> directory.entry(partner.id())).name();
        assertThat(slugs(json(""))).doesNotContain(partner.slug());
        assertThat(json("").toString()).doesNotContain(name);
        assertThat(page("")).doesNotContain(name).doesNotContain(partner.slug());
        mvc.perform(get(profile)).andExpect(status().isNotFound());
        mvc.perform(post(profile + "/contact")
                        .param("token", UUID.randomUUID().toString())
                        .param("name", "Ann")
                        .param("email", "ann@initech.example")
                        .param("message", "Hello")
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    private static ListingProfile profileOf(DirectoryEntry e) {
        return new ListingProfile(
                e.description(), e.website(), e.contactEmail(), e.services(), e.industries(), e.regions());
    }

    private String page(String query) throws Exception {
        return mvc.perform(get("/directory/" + f.tenant.slug() + query))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private JsonNode json(String query) throws Exception {
        return JSON.readTree(mvc.perform(get("/directory/" + f.tenant.slug() + "/partners.json" + query))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static List<String> slugs(JsonNode feed) {
        return feed.get("partners")
                .valueStream()
                .map(p -> p.get("slug").asString())
                .toList();
    }
}
