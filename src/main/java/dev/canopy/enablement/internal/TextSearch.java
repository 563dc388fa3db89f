package dev.canopy.enablement.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What a person types into a search box, as a PostgreSQL text query: every word, each as a prefix. */
final class TextSearch {

    private TextSearch() {}

    /**
     * "Battle card" → {@code battle:* & card:*}; only letters and digits reach the query, so no typed character
     * can change its syntax. Null when nothing searchable was typed.
     */
    static @Nullable String prefixQuery(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        String query = Arrays.stream(typed.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .limit(12)
                .map(word -> word + ":*")
                .collect(Collectors.joining(" & "));
        return query.isEmpty() ? null : query;
    }
}
