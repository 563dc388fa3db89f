package dev.canopy.enablement;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A question for a quiz's bank: its text, two to eight choices, and which are right (numbers from 1). */
public record QuestionInput(
        String text,
        @Nullable List<String> choices,
        @Nullable List<String> correct) {}
