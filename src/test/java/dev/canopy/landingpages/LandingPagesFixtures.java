package dev.canopy.landingpages;

import dev.canopy.deals.DealFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;

/** A fresh workspace with a programme, a published template, and partners whose admins turn their pages on. */
public class LandingPagesFixtures {

    public static final TemplateInput TEMPLATE = new TemplateInput(
            "Joint solution",
            "{{partner.name}} and Northwind, together",
            List.of(
                    new Section("Who we are", "{{partner.logo}}\n\n{{partner.text}}"),
                    new Section("Talk to {{partner.name}}", "Write to us: {{partner.contact}}")),
            "Talk to {{partner.name}}");

    private final DealFixtures deals;
    private final LandingPageTemplates templates;
    private final LandingPages pages;

    public final Fixtures.Tenant tenant;
    public final ProgramView program;
    public final TemplateView template;

    public LandingPagesFixtures(ApplicationContext context) {
        this(context, context.getBean(Fixtures.class).newWorkspace());
    }

    public LandingPagesFixtures(ApplicationContext context, Fixtures.Tenant tenant) {
        this.deals = new DealFixtures(context);
        this.templates = context.getBean(LandingPageTemplates.class);
        this.pages = context.getBean(LandingPages.class);
        this.tenant = tenant;
        this.program = deals.program(tenant);
        TemplateInput named = new TemplateInput(
                "Joint solution " + Fixtures.unique("t"),
                TEMPLATE.headline(),
                TEMPLATE.sections(),
                TEMPLATE.ctaLabel());
        this.template = staff(() -> templates.publish(templates.create(named).id(), true));
    }

    /** An active partner in the programme, with a portal admin, without a page yet. */
    public DealFixtures.Member partner() {
        return deals.member(tenant, program);
    }

    /** A partner whose admin turned its page on, on the fixture's template, with {@code text}. */
    public Live live(String text) {
        DealFixtures.Member member = partner();
        PageView page = asPartner(
                member,
                () -> pages.saveMine(new PageInput(
                        template.id().toString(), true, text, "hello@partner.example", "+44 20 7946 0000")));
        return new Live(member, page);
    }

    public record Live(DealFixtures.Member member, PageView page) {

        public String path(Fixtures.Tenant tenant) {
            return "/p/" + tenant.slug() + "/" + page.slug();
        }
    }

    /** A PNG of {@code width} × {@code height}, all orange. */
    public static byte[] png(int width, int height) {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public <T> T asPartner(DealFixtures.Member member, Supplier<T> action) {
        return deals.asPartner(member, action);
    }

    public <T> T staff(Supplier<T> action) {
        return deals.asStaff(tenant, action);
    }
}
