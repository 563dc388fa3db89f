package dev.canopy.enablement.internal;

import dev.canopy.enablement.ProgressStatus;
import dev.canopy.shared.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A SCORM package's data model as the runtime commits it (dotted keys to strings), checked before it is kept, and
 * what it means for the lesson: SCORM 1.2 says it in {@code cmi.core.lesson_status} and {@code cmi.core.score},
 * 2004 in {@code cmi.success_status}, {@code cmi.completion_status} and {@code cmi.score}.
 */
public final class ScormData {

    /** The standard's own limits: 4,096 characters of suspend data in 1.2, 64,000 in 2004. */
    private static final int SUSPEND_MAX = 64_000;

    private static final int VALUE_MAX = 4_096;
    private static final int KEYS_MAX = 2_000;
    private static final int TOTAL_MAX = 512 * 1024;
    private static final Pattern KEY = Pattern.compile("(cmi|adl)\\.[A-Za-z0-9_.]{1,200}");

    /** Given by the LMS, never kept from a commit. */
    private static final Set<String> READ_ONLY = Set.of(
            "cmi.core.student_id",
            "cmi.core.student_name",
            "cmi.core.credit",
            "cmi.core.entry",
            "cmi.core.total_time",
            "cmi.core.lesson_mode",
            "cmi.launch_data",
            "cmi.comments_from_lms",
            "cmi.learner_id",
            "cmi.learner_name",
            "cmi.credit",
            "cmi.entry",
            "cmi.total_time",
            "cmi.mode",
            "cmi.completion_threshold",
            "cmi.scaled_passing_score",
            "cmi.max_time_allowed",
            "cmi.time_limit_action");

    private ScormData() {}

    /** The values worth keeping, in key order; refuses anything the runtime would never send. */
    public static Map<String, String> check(@Nullable Map<String, String> cmi) {
        if (cmi == null) {
            throw new InvalidInputException("cmi", "Send the package's data");
        }
        if (cmi.size() > KEYS_MAX) {
            throw new InvalidInputException("cmi", "At most " + KEYS_MAX + " values");
        }
        Map<String, String> kept = new TreeMap<>();
        long total = 0;
        for (Map.Entry<String, String> e : cmi.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            if (key == null || !KEY.matcher(key).matches() || key.contains("..") || key.endsWith(".")) {
                throw new InvalidInputException("cmi", "Not a SCORM data model element: " + key);
            }
            int max = key.equals("cmi.suspend_data") ? SUSPEND_MAX : VALUE_MAX;
            if (value.length() > max || value.indexOf('\0') >= 0) {
                throw new InvalidInputException("cmi", key + " holds more than " + max + " characters, or a NUL");
            }
            total += key.length() + value.length();
            if (!READ_ONLY.contains(key) && !key.endsWith("._count") && !key.endsWith("._children")) {
                kept.put(key, value);
            }
        }
        if (total > TOTAL_MAX) {
            throw new InvalidInputException("cmi", "The package's data is larger than " + TOTAL_MAX + " characters");
        }
        return kept;
    }

    /** Where the learner stands by what the package reports. */
    public static ProgressStatus status(boolean scorm12, Map<String, String> cmi) {
        if (scorm12) {
            return switch (cmi.getOrDefault("cmi.core.lesson_status", "")) {
                case "passed" -> ProgressStatus.PASSED;
                case "completed" -> ProgressStatus.COMPLETED;
                case "failed" -> ProgressStatus.FAILED;
                default -> ProgressStatus.STARTED;
            };
        }
        return switch (cmi.getOrDefault("cmi.success_status", "")) {
            case "passed" -> ProgressStatus.PASSED;
            case "failed" -> ProgressStatus.FAILED;
            default ->
                cmi.getOrDefault("cmi.completion_status", "").equals("completed")
                        ? ProgressStatus.COMPLETED
                        : ProgressStatus.STARTED;
        };
    }

    /**
     * The score in percent: 2004's scaled score when given, else the raw score within its min and max (0 and 100
     * when not given); none when the package reports none. Always between 0 and 100.
     */
    public static @Nullable BigDecimal score(boolean scorm12, Map<String, String> cmi) {
        String prefix = scorm12 ? "cmi.core.score." : "cmi.score.";
        BigDecimal scaled = scorm12 ? null : decimal(cmi.get("cmi.score.scaled"));
        BigDecimal percent;
        if (scaled != null) {
            percent = scaled.multiply(BigDecimal.valueOf(100));
        } else {
            BigDecimal raw = decimal(cmi.get(prefix + "raw"));
            if (raw == null) {
                return null;
            }
            BigDecimal min = orElse(decimal(cmi.get(prefix + "min")), BigDecimal.ZERO);
            BigDecimal max = orElse(decimal(cmi.get(prefix + "max")), BigDecimal.valueOf(100));
            percent = max.compareTo(min) <= 0
                    ? raw
                    : raw.subtract(min)
                            .multiply(BigDecimal.valueOf(100))
                            .divide(max.subtract(min), 4, RoundingMode.HALF_UP);
        }
        return percent.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether the learner left the package suspended, to resume where they were. */
    public static boolean suspended(boolean scorm12, Map<String, String> cmi) {
        return "suspend".equals(cmi.get(scorm12 ? "cmi.core.exit" : "cmi.exit"));
    }

    private static BigDecimal orElse(@Nullable BigDecimal value, BigDecimal otherwise) {
        return value == null ? otherwise : value;
    }

    private static @Nullable BigDecimal decimal(@Nullable String value) {
        if (value == null || value.isBlank() || value.length() > 30) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
