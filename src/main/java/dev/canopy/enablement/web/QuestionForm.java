package dev.canopy.enablement.web;

import dev.canopy.enablement.QuestionInput;
import java.util.List;

/** A new question: its text, up to six choices (blank ones dropped) and the numbers of the right ones ticked. */
record QuestionForm(String text, List<String> choices, List<String> correct) {

    static QuestionForm blank() {
        return new QuestionForm("", List.of("", "", "", ""), List.of());
    }

    QuestionInput input() {
        return new QuestionInput(text, choices, correct);
    }
}
