package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.deals.DealFixtures;
import dev.canopy.enablement.CertificationInput;
import dev.canopy.enablement.CertificationView;
import dev.canopy.enablement.Certifications;
import dev.canopy.enablement.CourseInput;
import dev.canopy.enablement.CourseView;
import dev.canopy.enablement.Courses;
import dev.canopy.enablement.LessonInput;
import dev.canopy.enablement.RequirementInput;
import dev.canopy.enablement.RequirementView;
import dev.canopy.enablement.Requirements;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Certification requirements and renewals: B's requirement on registering deals in its programme is never read,
 * added to or removed by A's staff, never shown to A's partner, and B's certification is not A's partner's to renew.
 */
class RequirementProbes implements ModuleProbes {

    private final ApplicationContext context;
    private ProgramView program;
    private CertificationView certification;
    private RequirementView requirement;

    RequirementProbes(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void prepare(Fixtures.Tenant victim, Attacker a) {
        Courses courses = context.getBean(Courses.class);
        DealFixtures f = new DealFixtures(context);
        program = f.program(victim);
        f.asStaff(victim, () -> {
            CourseView course =
                    courses.create(new CourseInput("Victim gatekeeping", "", null, null, null, null, null, null));
            courses.addLesson(
                    course.id(),
                    new LessonInput("TEXT", "Victim gate reading", "x", null, null, null, null, null, null, null),
                    null);
            certification = context.getBean(Certifications.class)
                    .create(new CertificationInput(
                            "Victim gate certification", "", List.of(course.id().toString()), null));
            requirement = context.getBean(Requirements.class)
                    .create(new RequirementInput(
                            program.id().toString(),
                            certification.id().toString(),
                            "7",
                            "DEAL_REGISTRATION",
                            null,
                            null));
            return null;
        });
    }

    @Override
    public List<Probe> probes() {
        return List.of(
                new Probe(
                        "/app/certifications/{id}/requirements",
                        post("/app/certifications/" + certification.id() + "/requirements")
                                .param("programId", program.id().toString())
                                .param("subject", "DEAL_REGISTRATION")
                                .param("minPeople", "1")),
                new Probe("/api/v1/requirements/{id}", get("/api/v1/requirements/" + requirement.id())),
                new Probe("/api/v1/requirements/{id}", delete("/api/v1/requirements/" + requirement.id())),
                new Probe(
                        "/portal/certifications/{id}/renewal",
                        post("/portal/certifications/" + certification.id() + "/renewal")),
                new Probe(
                        "/app/certifications/requirements/{id}/remove",
                        post("/app/certifications/requirements/" + requirement.id() + "/remove")
                                .param("certification", certification.id().toString())));
    }

    @Override
    public List<String> secrets() {
        return List.of("Victim gate certification");
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(get("/app/certifications"));
    }

    @Override
    public List<String> apiLists() {
        return List.of("/api/v1/requirements");
    }

    @Override
    public List<MockHttpServletRequestBuilder> portalPages() {
        return List.of(get("/portal/certifications"), get("/portal/deals/new"), get("/portal/programs"));
    }
}
