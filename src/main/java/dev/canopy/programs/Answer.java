package dev.canopy.programs;

import java.util.List;
import java.util.UUID;

/** An applicant's answer, with the question's wording at the time they applied. */
public record Answer(UUID questionId, String question, QuestionType type, List<String> values) {}
