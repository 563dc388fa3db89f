package dev.canopy.enablement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A SCORM package uploaded in the console plays in its lesson, as real requests: its files are served to the
 * course's learners (framed by Canopy alone, under a CSP that keeps them in), never to a partner the course is not
 * assigned to, and never outside the package; what the package commits becomes the lesson's status and score. A
 * malicious package is refused with its reason and leaves nothing behind.
 */
@CanopyTest
class ScormPackagesPlayInTheirLesson {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Courses courses;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Value("${canopy.content.directory}")
    Path contentDirectory;

    DealFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member member;
    DealFixtures.Member outsider;
    CourseView course;

    @BeforeEach
    void aCourseForOneProgramme() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
        member = f.member(tenant, program);
        outsider = f.member(tenant, f.program(tenant));
        course = f.asStaff(
                tenant,
                () -> courses.create(new CourseInput(
                        "Product tour",
                        "",
                        "ALL",
                        java.util.List.of(program.id().value().toString()),
                        null,
                        null,
                        null,
                        null)));
    }

    @Test
    void aPackagePlaysForTheCoursesLearnersAndItsCommitsScoreTheLesson() throws Exception {
        UUID lesson = upload(SamplePackages.scorm12("Tour 1.2"), "tour.zip");
        f.asStaff(tenant, () -> courses.publish(course.id()));
        LessonView view = f.asStaff(tenant, () -> courses.lesson(lesson));
        assertThat(view.scorm().version()).isEqualTo("SCORM_12");
        assertThat(view.scorm().launch()).isEqualTo("content/index.html");
        String packagePath = "/portal/learning/packages/" + view.scorm().key() + "/";

        // The lesson page itself is framed by no one, and frames only Canopy and the video players.
        String page = mvc.perform(get("/portal/learning/lessons/" + lesson).with(f.portal(member)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                org.hamcrest.Matchers.allOf(
                                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
                                        org.hamcrest.Matchers.containsString(
                                                "frame-src 'self' https://www.youtube-nocookie.com"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("data-version=\"1.2\"")
                .contains("data-src=\"" + packagePath + "content/index.html\"");

        mvc.perform(get(packagePath + "content/index.html").with(f.portal(member)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                org.hamcrest.Matchers.allOf(
                                        org.hamcrest.Matchers.containsString("frame-ancestors 'self'"),
                                        org.hamcrest.Matchers.containsString("connect-src 'self'"),
                                        org.hamcrest.Matchers.containsString("form-action 'none'"))));
        mvc.perform(get(packagePath + "content/app.js").with(f.portal(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("LMSInitialize")));
        mvc.perform(get(packagePath + "content/index.html").with(f.portal(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get(packagePath + "content/missing.html").with(f.portal(member)))
                .andExpect(status().isNotFound());
        mvc.perform(get(packagePath + "content/%2e%2e/%2e%2e/%2e%2e/etc/passwd").with(f.portal(member)))
                .andExpect(status().is4xxClientError());

        mvc.perform(commit(lesson, member, Map.of("cmi.core.lesson_status", "incomplete", "cmi.core.exit", "suspend")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("STARTED"));
        assertThat(mvc.perform(get("/portal/learning/lessons/" + lesson).with(f.portal(member)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("data-entry=\"resume\"")
                .contains("cmi.core.exit");
        mvc.perform(commit(
                        lesson,
                        member,
                        Map.of(
                                "cmi.core.lesson_status", "passed",
                                "cmi.core.score.raw", "17",
                                "cmi.core.score.max", "20",
                                "cmi.core.student_name", "Forged")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PASSED"))
                .andExpect(jsonPath("$.score").value(85.0));
        assertThat(db.sql("select status || ' ' || score || ' ' || (cmi ->> 'cmi.core.student_name' is not null)"
                                + " from enablement_progress where lesson_id = ?")
                        .param(lesson)
                        .query(String.class)
                        .single())
                .isEqualTo("PASSED 85.00 false");
        assertThat(db.sql("select completed_at is not null from enablement_enrolment where course_id = ?")
                        .param(course.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();

        mvc.perform(commit(lesson, outsider, Map.of("cmi.core.lesson_status", "passed")))
                .andExpect(status().isNotFound());
        mvc.perform(commit(lesson, member, Map.of("cmi.core.lesson_status\u0000", "passed")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("cmi")));
        mvc.perform(commit(lesson, member, Map.of("window.location", "https://elsewhere.example")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cmi"));
    }

    @Test
    void aScorm2004PackageIsRecognisedAndScoredByItsScaledScore() throws Exception {
        UUID lesson = upload(SamplePackages.scorm2004("Tour 2004"), "tour2004.zip");
        f.asStaff(tenant, () -> courses.publish(course.id()));

        mvc.perform(commit(
                        lesson,
                        member,
                        Map.of(
                                "cmi.completion_status", "completed",
                                "cmi.success_status", "failed",
                                "cmi.score.scaled", "0.42")))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.score").value(42.0));
        assertThat(f.asStaff(tenant, () -> courses.lesson(lesson)).scorm().version())
                .isEqualTo("SCORM_2004");
    }

    @Test
    void aMaliciousPackageIsRefusedWithItsReasonAndLeavesNothing() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("imsmanifest.xml", "<manifest/>".getBytes(StandardCharsets.UTF_8));
        entries.put("../../evil.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        long before = packageFolders();

        String page = mvc.perform(multipart("/app/courses/" + course.id() + "/lessons")
                        .file(new MockMultipartFile("file", "evil.zip", "application/zip", SamplePackages.zip(entries)))
                        .param("kind", "SCORM")
                        .param("title", "Evil")
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("outside itself");
        assertThat(db.sql("select count(*) from enablement_lesson where course_id = ?")
                        .param(course.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(packageFolders()).isEqualTo(before);
        assertThat(Files.exists(
                        contentDirectory.resolve(tenant.id().value().toString()).resolve("../evil.html")))
                .isFalse();
    }

    private UUID upload(byte[] zip, String name) throws Exception {
        String location = mvc.perform(multipart("/app/courses/" + course.id() + "/lessons")
                        .file(new MockMultipartFile("file", name, "application/zip", zip))
                        .param("kind", "SCORM")
                        .param("title", "The tour")
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).isEqualTo("/app/courses/" + course.id() + "#lessons");
        return f.asStaff(tenant, () -> courses.get(course.id()))
                .lessons()
                .getLast()
                .id();
    }

    private org.springframework.test.web.servlet.RequestBuilder commit(
            UUID lesson, DealFixtures.Member who, Map<String, String> cmi) throws Exception {
        return post("/portal/learning/lessons/" + lesson + "/scorm")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .content(new tools.jackson.databind.json.JsonMapper()
                        .writeValueAsString(Map.of("cmi", cmi, "finished", false)))
                .with(f.portal(who))
                .with(csrf());
    }

    private long packageFolders() throws IOException {
        Path workspace = contentDirectory.resolve(tenant.id().value().toString());
        if (!Files.exists(workspace)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(workspace)) {
            return files.filter(p -> p.getFileName().toString().startsWith("scorm-"))
                    .count();
        }
    }
}
