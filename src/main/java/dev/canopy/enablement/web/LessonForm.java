package dev.canopy.enablement.web;

import dev.canopy.enablement.LessonInput;
import dev.canopy.enablement.LessonView;
import dev.canopy.enablement.QuizRules;

/** The lesson form: its kind chosen first, then the fields that kind has. */
record LessonForm(
        String kind,
        String title,
        String body,
        String videoUrl,
        String assetId,
        String questionCount,
        String passPercent,
        String attemptsAllowed,
        String cooldownMinutes,
        String timeLimitMinutes) {

    static LessonForm blank(String kind) {
        return new LessonForm(kind, "", "", "", "", "5", "80", "3", "60", "");
    }

    static LessonForm of(LessonView l) {
        QuizRules q = l.quiz();
        return new LessonForm(
                l.kind().name(),
                l.title(),
                l.body(),
                l.videoUrl() == null ? "" : l.videoUrl(),
                l.assetId() == null ? "" : l.assetId().toString(),
                q == null ? "" : String.valueOf(q.questionCount()),
                q == null ? "" : String.valueOf(q.passPercent()),
                q == null || q.attemptsAllowed() == null ? "" : String.valueOf(q.attemptsAllowed()),
                q == null ? "" : String.valueOf(q.cooldownMinutes()),
                q == null || q.timeLimitMinutes() == null ? "" : String.valueOf(q.timeLimitMinutes()));
    }

    LessonInput input() {
        return new LessonInput(
                kind,
                title,
                body,
                videoUrl,
                assetId,
                questionCount,
                passPercent,
                attemptsAllowed,
                cooldownMinutes,
                timeLimitMinutes);
    }
}
