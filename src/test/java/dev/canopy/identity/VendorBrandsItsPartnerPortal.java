package dev.canopy.identity;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A workspace's name, colour and logo replace Canopy's wherever its partners look: the portal, its sign-in page,
 * the public programme pages and partners' emails. A colour too light for white text and a logo that is not an
 * image are refused, and nothing is stored.
 */
@CanopyTest
class VendorBrandsItsPartnerPortal {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    Branding branding;

    @Autowired
    MailSink mail;

    private static byte[] png() throws Exception {
        var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private Brand brandOf(Fixtures.Tenant tenant) {
        return fixtures.as(tenant.owner(), () -> branding.current());
    }

    @Test
    void theBrandShowsOnThePortalItsSignInPublicPagesAndEmails() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        mvc.perform(post("/app/settings/brand")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("portalName", "Northwind Partner Hub")
                        .param("color", "#5B21B6"))
                .andExpect(flash().attribute("flash", containsString("Northwind Partner Hub")));
        byte[] logo = png();
        mvc.perform(multipart("/app/settings/brand/logo")
                        .file(new MockMultipartFile("logo", "logo.txt", "text/plain", logo))
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(flash().attribute("flash", "Logo saved."));

        Brand brand = brandOf(tenant);
        assertThat(brand.color()).isEqualTo("#5b21b6");
        assertThat(brand.hasLogo()).isTrue();
        byte[] served = mvc.perform(get(brand.logoPath()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(served).isEqualTo(logo);

        DealFixtures deals = new DealFixtures(context);
        ProgramView program = deals.program(tenant);
        DealFixtures.Member member = deals.member(tenant, program);
        mvc.perform(get("/portal/programs").with(deals.portal(member)))
                .andExpect(content().string(containsString("Northwind Partner Hub")))
                .andExpect(content().string(containsString("--bs-primary: #5b21b6")))
                .andExpect(content().string(containsString(brand.logoPath())));
        mvc.perform(get("/portal/login").param("workspace", tenant.slug()))
                .andExpect(content().string(containsString("Northwind Partner Hub")))
                .andExpect(content().string(containsString("data-testid=\"public-brand\"")));
        mvc.perform(get("/portal/login"))
                .andExpect(content().string(containsString("Partner portal")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Northwind Partner Hub"))));
        mvc.perform(get("/programs/" + tenant.slug() + "/" + program.slug()))
                .andExpect(content().string(containsString(brand.logoPath())))
                .andExpect(content().string(containsString("/portal/login?workspace=" + tenant.slug())));
        mvc.perform(post("/portal/logout").with(deals.portal(member)).with(csrf()))
                .andExpect(redirectedUrl("/portal/login?logout&workspace=" + tenant.slug()));

        String contact = Fixtures.uniqueEmail("pat");
        fixtures.as(
                tenant.owner(),
                () -> context.getBean(dev.canopy.partners.Partners.class)
                        .invite(new dev.canopy.partners.NewPartner(
                                "Harbor Integrations",
                                null,
                                java.util.Set.of(dev.canopy.partners.PartnerType.RESELLER),
                                java.util.List.of(),
                                java.util.List.of(),
                                null,
                                "Pat Harbor",
                                contact)));
        assertThat(mail.messagesTo(contact).getFirst().text()).startsWith("Northwind Partner Hub");
    }

    @Test
    void aColourTooLightForWhiteTextIsRefusedAndNothingIsStored() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        mvc.perform(post("/app/settings/brand")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("portalName", "Sunny Partners")
                        .param("color", "#ffd60a"))
                .andExpect(flash().attribute("flashError", containsString("contrast of 1.")));
        mvc.perform(post("/app/settings/brand")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("portalName", "Bad\nName")
                        .param("color", "red"))
                .andExpect(flash().attribute("flashError", containsString("Portal name")))
                .andExpect(flash().attribute("flashError", containsString("six hexadecimal digits")));
        Brand brand = brandOf(tenant);
        assertThat(brand.color()).isEqualTo(Brand.CANOPY_GREEN);
        assertThat(brand.portalName()).endsWith(" partner portal");
    }

    @Test
    void aLogoIsWhatItsBytesSayAndAtMost512Kilobytes() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes();
        mvc.perform(multipart("/app/settings/brand/logo")
                        .file(new MockMultipartFile("logo", "logo.png", "image/png", svg))
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(flash().attribute("flashError", containsString("PNG or JPEG")));
        byte[] huge = Arrays.copyOf(png(), 600 * 1024);
        mvc.perform(multipart("/app/settings/brand/logo")
                        .file(new MockMultipartFile("logo", "logo.png", "image/png", huge))
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(flash().attribute("flashError", containsString("512 KB")));
        assertThat(brandOf(tenant).hasLogo()).isFalse();
        mvc.perform(get("/brand/" + tenant.slug() + "/logo")).andExpect(status().isNotFound());
    }

    @Test
    void onlyThoseWhoMayChangeTheWorkspaceChangeItsBrand() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        mvc.perform(post("/app/settings/brand")
                        .with(signedIn(fixtures.member(tenant, Role.PARTNER_MANAGER)))
                        .with(csrf())
                        .param("color", "#000000"))
                .andExpect(status().isForbidden());
        DealFixtures deals = new DealFixtures(context);
        DealFixtures.Member member = deals.member(tenant, deals.program(tenant));
        mvc.perform(post("/app/settings/brand")
                        .with(deals.portal(member))
                        .with(csrf())
                        .param("color", "#000000"))
                .andExpect(status().isForbidden());
        assertThat(brandOf(tenant).color()).isEqualTo(Brand.CANOPY_GREEN);
    }
}
