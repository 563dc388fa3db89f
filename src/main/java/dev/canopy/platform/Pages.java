package dev.canopy.platform;

import dev.canopy.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Pages of the lists that are read whole and in a fixed order (a workspace's members, its programmes, a run's
 * lines): the API answers them as every other list, {@code {data, nextCursor}}, a limit at a time. The cursor
 * names the last item given by its key, so an item added or removed before it shifts nothing; should that item
 * itself be gone, the list continues from where it stood.
 */
public final class Pages {

    private static final String GIVEN_BACK = "Pass nextCursor from the previous page as it was given";

    private Pages() {}

    public record Page<T>(List<T> items, @Nullable String nextCursor) {}

    public static <T> Page<T> of(List<T> ordered, Function<T, String> key, @Nullable String cursor, int limit) {
        int from = start(ordered, key, cursor);
        int to = Math.min(ordered.size(), from + limit);
        List<T> items = ordered.subList(from, to);
        String next = to < ordered.size() ? encode(to - 1, key.apply(ordered.get(to - 1))) : null;
        return new Page<>(List.copyOf(items), next);
    }

    private static <T> int start(List<T> ordered, Function<T, String> key, @Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", GIVEN_BACK);
        }
        int colon = raw.indexOf(':');
        if (colon < 1) {
            throw new InvalidInputException("cursor", GIVEN_BACK);
        }
        int index;
        try {
            index = Integer.parseInt(raw.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", GIVEN_BACK);
        }
        String last = raw.substring(colon + 1);
        for (int i = 0; i < ordered.size(); i++) {
            if (key.apply(ordered.get(i)).equals(last)) {
                return i + 1;
            }
        }
        return Math.clamp(index, 0, ordered.size());
    }

    private static String encode(int index, String key) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((index + ":" + key).getBytes(StandardCharsets.UTF_8));
    }
}
