package dev.canopy.enablement;

import static dev.canopy.enablement.CourseFixtures.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator builds a course for one programme (a video lesson from a YouTube link, a quiz and its bank),
 * publishes it and reads who completed it; a bad lesson answers a problem naming the field and stores nothing; a
 * read-only key may read but not write.
 */
@CanopyTest
class IntegratorsBuildCoursesThroughTheApi {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Autowired
    Quizzes quizzes;

    @Test
    void aCourseIsBuiltPublishedAndItsLearnersRead() throws Exception {
        DealFixtures f = new DealFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member member = f.member(tenant, program);
        String key = "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        JsonMapper json = JsonMapper.builder().build();

        String created = mvc.perform(send(
                        post("/api/v1/courses"), key, """
                        {"title":"Partner onboarding","description":"First steps",
                         "audience":{"programIds":["%s"]}}
                        """.formatted(program.id().value())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("DRAFT"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String course = json.readTree(created).get("id").asString();

        mvc.perform(send(post("/api/v1/courses/" + course + "/lessons"), key, """
                        {"kind":"VIDEO","title":"Welcome","videoUrl":"https://youtu.be/dQw4w9WgXcQ"}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.videoUrl").value("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"));
        mvc.perform(send(post("/api/v1/courses/" + course + "/lessons"), key, """
                        {"kind":"VIDEO","title":"Elsewhere","videoUrl":"https://video.example.com/clip"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("videoUrl"));
        String quiz = json.readTree(mvc.perform(send(post("/api/v1/courses/" + course + "/lessons"), key, """
                                        {"kind":"QUIZ","title":"Check","quiz":{"questionCount":1,"passPercent":100}}
                                        """))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.quiz.attemptsAllowed").doesNotExist())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();
        mvc.perform(send(post("/api/v1/lessons/" + quiz + "/questions"), key, """
                        {"text":"Which plan has SSO?","choices":["Enterprise","Starter"],"correct":[3]}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("correct"));
        mvc.perform(send(post("/api/v1/lessons/" + quiz + "/questions"), key, """
                        {"text":"Which plan has SSO?","choices":["Enterprise","Starter"],"correct":[1]}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.correct[0]").value(1));
        mvc.perform(get("/api/v1/lessons/" + quiz + "/questions").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].choices[1]").value("Starter"));
        assertThat(db.sql("select count(*) from enablement_lesson where course_id = ?")
                        .param(UUID.fromString(course))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        mvc.perform(send(put("/api/v1/courses/" + course), key, """
                        {"title":"Partner onboarding","description":"The first week",
                         "audience":{"programIds":["%s"]}}
                        """.formatted(
                                program.id().value())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("The first week"));
        mvc.perform(get("/api/v1/courses/" + course).header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lessons[0].title").value("Welcome"))
                .andExpect(jsonPath("$.audience.programIds[0]")
                        .value(program.id().value().toString()));
        mvc.perform(get("/api/v1/lessons/" + quiz).header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("QUIZ"))
                .andExpect(jsonPath("$.questions").value(1));
        mvc.perform(post("/api/v1/courses/" + course + "/publish").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PUBLISHED"))
                .andExpect(jsonPath("$.lessons.length()").value(2));

        UUID quizId = UUID.fromString(quiz);
        f.asPartner(member, () -> {
            AttemptView attempt = quizzes.start(quizId);
            return quizzes.submit(
                    attempt.id(), Map.of(attempt.questions().getFirst().id(), Set.of(0)));
        });
        mvc.perform(get("/api/v1/courses/" + course + "/learners").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].partnerId")
                        .value(member.id().value().toString()))
                .andExpect(jsonPath("$.data[0].lessonsDone").value(1))
                .andExpect(jsonPath("$.data[0].completedAt").doesNotExist());

        String readOnly = "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ);
        mvc.perform(get("/api/v1/courses").header("Authorization", readOnly))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].title").value("Partner onboarding"));
        mvc.perform(send(post("/api/v1/courses"), readOnly, "{\"title\":\"Not mine\"}"))
                .andExpect(status().isForbidden());
    }
}
