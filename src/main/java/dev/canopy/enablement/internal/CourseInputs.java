package dev.canopy.enablement.internal;

import dev.canopy.enablement.AssetKind;
import dev.canopy.enablement.Audience;
import dev.canopy.enablement.CourseInput;
import dev.canopy.enablement.LessonInput;
import dev.canopy.enablement.LessonKind;
import dev.canopy.enablement.QuestionInput;
import dev.canopy.enablement.QuizRules;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Texts;
import dev.canopy.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Courses, lessons and questions as sent, checked field by field; every problem named at once. */
@Component
public class CourseInputs {

    /** A course's fields once checked. */
    public record Course(String title, String description, Audience audience) {}

    /** A lesson's fields once checked; a SCORM package is checked apart, from its bytes. */
    public record Lesson(
            LessonKind kind,
            String title,
            String body,
            @Nullable String videoUrl,
            @Nullable UUID assetId,
            @Nullable QuizRules quiz) {}

    /** A question once checked: its choices and the indexes (from 0) of the right ones. */
    public record Question(String text, List<String> choices, List<Integer> correct) {}

    private static final int TITLE_MAX = 200;
    private static final int DESCRIPTION_MAX = 2_000;
    private static final int CHOICE_MAX = 500;

    private final AssetInputs assetInputs;
    private final AssetTable assets;

    CourseInputs(AssetInputs assetInputs, AssetTable assets) {
        this.assetInputs = assetInputs;
        this.assets = assets;
    }

    public Course check(CourseInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        String title = title(input.title(), problems, "Give the course a title");
        String description = AssetInputs.text("description", input.description(), DESCRIPTION_MAX, problems);
        Audience audience = assetInputs.audience(
                input.match(),
                input.programIds(),
                input.tierIds(),
                input.partnerTypes(),
                input.regions(),
                input.partnerIds(),
                problems);
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return new Course(title, description, audience);
    }

    /** Checks {@code input}; {@code kind} is the lesson's own when it exists (a kind never changes). */
    public Lesson check(WorkspaceId workspace, LessonInput input, @Nullable LessonKind kind) {
        Map<String, String> problems = new LinkedHashMap<>();
        LessonKind checkedKind = kind != null ? kind : kind(input.kind(), problems);
        String title = title(input.title(), problems, "Give the lesson a title");
        String body = AssetInputs.text("body", input.body(), Texts.MAX_LENGTH, problems);
        if (checkedKind == LessonKind.TEXT && body.isEmpty() && !problems.containsKey("body")) {
            problems.put("body", "Write what learners will read");
        }
        String videoUrl = null;
        UUID assetId = null;
        QuizRules quiz = null;
        switch (checkedKind) {
            case VIDEO -> {
                boolean linked = input.videoUrl() != null && !input.videoUrl().isBlank();
                if (linked) {
                    videoUrl = VideoEmbeds.embed(AssetInputs.text("videoUrl", input.videoUrl(), 2_000, problems))
                            .orElse(null);
                    if (videoUrl == null) {
                        problems.putIfAbsent(
                                "videoUrl", "Paste a YouTube, Vimeo or Loom link (https), or choose a video file");
                    }
                } else {
                    assetId = asset(workspace, input.assetId(), true, problems);
                }
            }
            case FILE -> assetId = asset(workspace, input.assetId(), false, problems);
            case QUIZ -> quiz = quiz(input, problems);
            default -> {}
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return new Lesson(checkedKind, title, body, videoUrl, assetId, quiz);
    }

    public Question check(QuestionInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        String text = AssetInputs.text("text", input.text(), DESCRIPTION_MAX, problems);
        if (text.isEmpty() && !problems.containsKey("text")) {
            problems.put("text", "Write the question");
        }
        List<String> choices = new ArrayList<>();
        for (String raw : input.choices() == null ? List.<String>of() : input.choices()) {
            String choice = AssetInputs.text("choices", raw, CHOICE_MAX, problems);
            if (!choice.isEmpty()) {
                choices.add(choice);
            }
        }
        if (!problems.containsKey("choices") && (choices.size() < 2 || choices.size() > 8)) {
            problems.put("choices", "Give two to eight choices");
        }
        Set<Integer> correct = new LinkedHashSet<>();
        for (String raw : input.correct() == null ? List.<String>of() : input.correct()) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            Integer number = number(raw);
            if (number == null || number < 1 || number > choices.size()) {
                problems.put("correct", "Name right choices by their numbers, 1 to " + Math.max(choices.size(), 1));
            } else {
                correct.add(number - 1);
            }
        }
        if (correct.isEmpty() && !problems.containsKey("correct")) {
            problems.put("correct", "Mark at least one choice as right");
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return new Question(
                text, List.copyOf(choices), correct.stream().sorted().toList());
    }

    private @Nullable UUID asset(
            WorkspaceId workspace, @Nullable String raw, boolean video, Map<String, String> problems) {
        String what = video ? "a video file from the library, or paste a video link" : "a file from the library";
        if (raw == null || raw.isBlank()) {
            problems.put(video ? "videoUrl" : "assetId", "Choose " + what);
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            problems.put("assetId", "Not an asset id: " + raw);
            return null;
        }
        AssetTable.Row asset = assets.find(workspace, id).orElse(null);
        if (asset == null
                || asset.fields().kind() != AssetKind.FILE
                || (video && !asset.file().contentType().startsWith("video/"))) {
            problems.put("assetId", "Choose " + what);
            return null;
        }
        return id;
    }

    private static QuizRules quiz(LessonInput input, Map<String, String> problems) {
        int count = whole("questionCount", input.questionCount(), 5, 1, 100, problems);
        int pass = whole("passPercent", input.passPercent(), 80, 1, 100, problems);
        int attempts = whole("attemptsAllowed", input.attemptsAllowed(), 0, 0, 100, problems);
        int cooldown = whole("cooldownMinutes", input.cooldownMinutes(), 0, 0, 43_200, problems);
        int limit = whole("timeLimitMinutes", input.timeLimitMinutes(), 0, 0, 600, problems);
        return new QuizRules(count, pass, attempts == 0 ? null : attempts, cooldown, limit == 0 ? null : limit);
    }

    private static int whole(
            String field, @Nullable String raw, int blank, int min, int max, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            return blank;
        }
        Integer value = number(raw);
        if (value == null || value < min || value > max) {
            problems.put(field, "Enter a whole number from " + min + " to " + max);
            return blank;
        }
        return value;
    }

    private static @Nullable Integer number(String raw) {
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String title(@Nullable String raw, Map<String, String> problems, String missing) {
        String title = AssetInputs.text("title", raw, TITLE_MAX, problems);
        if (title.isEmpty() && !problems.containsKey("title")) {
            problems.put("title", missing);
        }
        return title;
    }

    private static LessonKind kind(@Nullable String raw, Map<String, String> problems) {
        try {
            return LessonKind.valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put("kind", "Choose TEXT, VIDEO, FILE, SCORM or QUIZ");
            return LessonKind.TEXT;
        }
    }
}
