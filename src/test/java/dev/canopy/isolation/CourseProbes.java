package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.canopy.deals.DealFixtures;
import dev.canopy.enablement.AttemptView;
import dev.canopy.enablement.CertificateView;
import dev.canopy.enablement.CertificationInput;
import dev.canopy.enablement.CertificationView;
import dev.canopy.enablement.Certifications;
import dev.canopy.enablement.CourseInput;
import dev.canopy.enablement.CourseView;
import dev.canopy.enablement.Courses;
import dev.canopy.enablement.LessonInput;
import dev.canopy.enablement.LessonView;
import dev.canopy.enablement.QuestionInput;
import dev.canopy.enablement.QuestionView;
import dev.canopy.enablement.Quizzes;
import dev.canopy.enablement.SamplePackages;
import dev.canopy.enablement.Upload;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Courses: B's published course (a reading, a quiz with its bank and an attempt by B's partner, a SCORM package),
 * never read, changed, published, played, answered or reported by A's staff, key or partner; B's certification and
 * its certificate never read, awarded or revoked by them.
 */
class CourseProbes implements ModuleProbes {

    private final ApplicationContext context;
    private CourseView course;
    private LessonView reading;
    private LessonView quiz;
    private LessonView scorm;
    private QuestionView question;
    private AttemptView attempt;
    private CertificationView certification;
    private CertificateView certificate;

    CourseProbes(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void prepare(Fixtures.Tenant victim, Attacker a) {
        Courses courses = context.getBean(Courses.class);
        DealFixtures f = new DealFixtures(context);
        ProgramView program = f.program(victim);
        DealFixtures.Member learner = f.member(victim, program);
        f.asStaff(victim, () -> {
            course = courses.create(
                    new CourseInput("Victim academy", "Victim's syllabus", null, null, null, null, null, null));
            reading = courses.addLesson(
                    course.id(),
                    new LessonInput(
                            "TEXT", "Victim reading", "Victim's margins", null, null, null, null, null, null, null),
                    null);
            quiz = courses.addLesson(
                    course.id(),
                    new LessonInput("QUIZ", "Victim quiz", "", null, null, "1", "50", null, null, null),
                    null);
            question = courses.addQuestion(
                    quiz.id(), new QuestionInput("Victim question", List.of("Yes", "No"), List.of("1")));
            scorm = courses.addLesson(
                    course.id(),
                    new LessonInput("SCORM", "Victim module", "", null, null, null, null, null, null, null),
                    Upload.of("victim.zip", SamplePackages.scorm12("Victim module")));
            return courses.publish(course.id());
        });
        attempt = f.asPartner(learner, () -> context.getBean(Quizzes.class).start(quiz.id()));
        Certifications certifications = context.getBean(Certifications.class);
        f.asStaff(victim, () -> {
            certification = certifications.create(new CertificationInput(
                    "Victim certification", "", List.of(course.id().toString()), "12"));
            UUID person = certifications.people(learner.id()).getFirst().id();
            certificate =
                    certifications.award(certification.id(), learner.id().value(), person, "Victim's classroom", "");
            return null;
        });
    }

    @Override
    public List<Probe> probes() {
        String app = "/app/courses/" + course.id();
        String lesson = "/app/courses/lessons/" + reading.id();
        String api = "/api/v1/courses/" + course.id();
        String portalLesson = "/portal/learning/lessons/" + reading.id();
        String json = "{\"title\":\"Hijacked\"}";
        String packageFile = scorm.scorm().key() + "/" + scorm.scorm().launch();
        return List.of(
                new Probe("/app/courses/{id}", get(app)),
                new Probe("/app/courses/{id}", post(app).param("title", "Hijacked")),
                new Probe(
                        "/app/courses/{id}/lessons",
                        post(app + "/lessons")
                                .param("kind", "TEXT")
                                .param("title", "Hijacked")
                                .param("body", "x")),
                new Probe("/app/courses/{id}/publish", post(app + "/publish")),
                new Probe("/app/courses/{id}/unpublish", post(app + "/unpublish")),
                new Probe("/app/courses/{id}/archive", post(app + "/archive")),
                new Probe("/app/courses/{id}/restore", post(app + "/restore")),
                new Probe("/app/courses/lessons/{id}", get(lesson)),
                new Probe(
                        "/app/courses/lessons/{id}",
                        post(lesson).param("title", "Hijacked").param("body", "x")),
                new Probe("/app/courses/lessons/{id}/remove", post(lesson + "/remove")),
                new Probe(
                        "/app/courses/lessons/{id}/move", post(lesson + "/move").param("direction", "1")),
                new Probe(
                        "/app/courses/lessons/{id}/questions",
                        post("/app/courses/lessons/" + quiz.id() + "/questions")
                                .param("text", "Hijacked")
                                .param("choices", "a", "b")
                                .param("correct", "1")),
                new Probe(
                        "/app/courses/questions/{id}/remove",
                        post("/app/courses/questions/" + question.id() + "/remove")
                                .param("lesson", quiz.id().toString())),
                new Probe("/app/courses/packages/{key}/**", get("/app/courses/packages/" + packageFile)),
                new Probe("/portal/learning/{id}", get("/portal/learning/" + course.id())),
                new Probe("/portal/learning/lessons/{id}", get(portalLesson)),
                new Probe("/portal/learning/lessons/{id}/done", post(portalLesson + "/done")),
                new Probe("/portal/learning/lessons/{id}/file", get(portalLesson + "/file")),
                new Probe(
                        "/portal/learning/lessons/{id}/scorm",
                        post("/portal/learning/lessons/" + scorm.id() + "/scorm")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"cmi\":{\"cmi.core.lesson_status\":\"passed\"}}")),
                new Probe(
                        "/portal/learning/lessons/{id}/attempts",
                        post("/portal/learning/lessons/" + quiz.id() + "/attempts")),
                new Probe("/portal/learning/attempts/{id}", get("/portal/learning/attempts/" + attempt.id())),
                new Probe(
                        "/portal/learning/attempts/{id}",
                        post("/portal/learning/attempts/" + attempt.id()).param("q-" + question.id(), "0")),
                new Probe("/portal/learning/packages/{key}/**", get("/portal/learning/packages/" + packageFile)),
                new Probe("/app/certifications/{id}", get("/app/certifications/" + certification.id())),
                new Probe(
                        "/app/certifications/{id}/awards",
                        post("/app/certifications/" + certification.id() + "/awards")
                                .param("partner", UUID.randomUUID().toString())
                                .param("person", certificate.personId().toString())
                                .param("reason", "Hijacked")),
                new Probe(
                        "/app/certifications/certificates/{id}/revoke",
                        post("/app/certifications/certificates/" + certificate.id() + "/revoke")
                                .param("certification", certification.id().toString())
                                .param("reason", "Hijacked")),
                new Probe(
                        "/portal/certifications/{id}/certificate.pdf",
                        get("/portal/certifications/" + certificate.id() + "/certificate.pdf")),
                new Probe("/api/v1/certifications/{id}", get("/api/v1/certifications/" + certification.id())),
                new Probe(
                        "/api/v1/certifications/{id}/certificates",
                        get("/api/v1/certifications/" + certification.id() + "/certificates")),
                new Probe(
                        "/api/v1/certifications/{id}/certificates",
                        post("/api/v1/certifications/" + certification.id() + "/certificates")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"partnerId\":\"%s\",\"personId\":\"%s\",\"reason\":\"Hijacked\"}"
                                        .formatted(certificate.partner().value(), certificate.personId()))),
                new Probe("/api/v1/certificates/{id}", get("/api/v1/certificates/" + certificate.id())),
                new Probe(
                        "/api/v1/certificates/{id}/revoke",
                        post("/api/v1/certificates/" + certificate.id() + "/revoke")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"reason\":\"Hijacked\"}")),
                new Probe("/api/v1/courses/{id}", get(api)),
                new Probe(
                        "/api/v1/courses/{id}",
                        put(api).contentType(MediaType.APPLICATION_JSON).content(json)),
                new Probe("/api/v1/courses/{id}/publish", post(api + "/publish")),
                new Probe(
                        "/api/v1/courses/{id}/lessons",
                        post(api + "/lessons")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"kind\":\"TEXT\",\"title\":\"Hijacked\",\"body\":\"x\"}")),
                new Probe("/api/v1/courses/{id}/learners", get(api + "/learners")),
                new Probe("/api/v1/lessons/{id}", get("/api/v1/lessons/" + reading.id())),
                new Probe("/api/v1/lessons/{id}/questions", get("/api/v1/lessons/" + quiz.id() + "/questions")),
                new Probe(
                        "/api/v1/lessons/{id}/questions",
                        post("/api/v1/lessons/" + quiz.id() + "/questions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"text\":\"Hijacked\",\"choices\":[\"a\",\"b\"],\"correct\":[1]}")));
    }

    @Override
    public List<String> secrets() {
        return List.of(
                "Victim academy",
                "Victim's syllabus",
                "Victim reading",
                "Victim quiz",
                "Victim question",
                "Victim certification");
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(get("/app/courses"), get("/app/certifications"));
    }

    @Override
    public List<String> apiLists() {
        return List.of("/api/v1/courses", "/api/v1/certifications");
    }

    @Override
    public List<MockHttpServletRequestBuilder> portalPages() {
        return List.of(get("/portal/learning"), get("/portal/certifications"));
    }
}
