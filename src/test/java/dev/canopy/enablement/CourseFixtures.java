package dev.canopy.enablement;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Inputs for courses, lessons and questions as a form would send them, and requests as an integrator sends them. */
final class CourseFixtures {

    private CourseFixtures() {}

    static CourseInput everyone(String title) {
        return new CourseInput(title, "What partners learn", "ALL", null, null, null, null, null);
    }

    static CourseInput forTiers(String title, String... tierIds) {
        return new CourseInput(title, "", "ALL", null, List.of(tierIds), null, null, null);
    }

    static LessonInput text(String title) {
        return new LessonInput(
                "TEXT", title, "# " + title + "\n\nRead this.", null, null, null, null, null, null, null);
    }

    static LessonInput file(String title, String assetId) {
        return new LessonInput("FILE", title, "", null, assetId, null, null, null, null, null);
    }

    static LessonInput scorm(String title) {
        return new LessonInput("SCORM", title, "", null, null, null, null, null, null, null);
    }

    static LessonInput quiz(
            String title, int count, int pass, @Nullable Integer attempts, int cooldown, @Nullable Integer limit) {
        return new LessonInput(
                "QUIZ",
                title,
                "",
                null,
                null,
                String.valueOf(count),
                String.valueOf(pass),
                attempts == null ? "" : attempts.toString(),
                String.valueOf(cooldown),
                limit == null ? "" : limit.toString());
    }

    /** A JSON request with an API key. */
    static MockHttpServletRequestBuilder send(MockHttpServletRequestBuilder request, String key, String body) {
        return request.header("Authorization", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    static QuestionInput question(String text, List<String> choices, String... correct) {
        return new QuestionInput(text, choices, List.of(correct));
    }
}
