package dev.canopy.enablement;

import java.util.List;
import java.util.UUID;

/** A question of a quiz's bank as staff see it: its choices and which are right (indexes from 0). */
public record QuestionView(UUID id, UUID lessonId, String text, List<String> choices, List<Integer> correct) {

    public QuestionView {
        choices = List.copyOf(choices);
        correct = List.copyOf(correct);
    }

    public boolean multiple() {
        return correct.size() > 1;
    }

    public boolean isRight(int choice) {
        return correct.contains(choice);
    }
}
