package dev.canopy.platform;

import dev.canopy.shared.InvalidInputException;
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

    private Pages() {}

    public record Page<T>(List<T> items, @Nullable String nextCursor) {}

    public static <T> Page<T> of(List<T> ordered, Function<T, String> key, @Nullable String cursor, int limit) {
        int from = start(ordered, key, cursor);
        int to = Math.min(ordered.size(), from + limit);
        List<T> items = ordered.subList(from, to);
        String next =
                to < ordered.size() ? Cursors.encodeKeys(String.valueOf(to - 1), key.apply(ordered.get(to - 1))) : null;
        return new Page<>(List.copyOf(items), next);
    }

    private static <T> int start(List<T> ordered, Function<T, String> key, @Nullable String cursor) {
        String[] last = Cursors.decodeKeys(cursor, 2, "cursor");
        if (last == null) {
            return 0;
        }
        for (int i = 0; i < ordered.size(); i++) {
            if (key.apply(ordered.get(i)).equals(last[1])) {
                return i + 1;
            }
        }
        try {
            return Math.clamp(Integer.parseInt(last[0]), 0, ordered.size());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", Cursors.GIVEN_BACK);
        }
    }
}
