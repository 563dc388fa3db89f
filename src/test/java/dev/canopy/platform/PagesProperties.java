package dev.canopy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/**
 * Paging through a list read whole gives every item once, in order, whatever the limit; and when items are
 * removed between two pages (the last one given among them), no remaining item is skipped and none is repeated.
 */
class PagesProperties {

    @Property
    void everyItemOnceInOrder(
            @ForAll @Size(max = 60) @UniqueElements List<@IntRange(min = 0, max = 10_000) Integer> items,
            @ForAll @IntRange(min = 1, max = 25) int limit) {
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Pages.Page<Integer> page = Pages.of(items, String::valueOf, cursor, limit);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).isEqualTo(items);
        assertThat(pages).isEqualTo(Math.max(1, (items.size() + limit - 1) / limit));
    }

    @Property
    void removalsBetweenPagesSkipAndRepeatNothingThatRemains(
            @ForAll @Size(min = 2, max = 60) @UniqueElements List<@IntRange(min = 0, max = 10_000) Integer> items,
            @ForAll @IntRange(min = 1, max = 10) int limit,
            @ForAll @IntRange(min = 0, max = 59) int removedAt,
            @ForAll boolean removeTheLastGiven) {
        List<Integer> list = new ArrayList<>(items);
        Pages.Page<Integer> first = Pages.of(list, String::valueOf, null, limit);
        if (first.nextCursor() == null) {
            return;
        }
        Integer removed = removeTheLastGiven ? first.items().getLast() : list.get(removedAt % list.size());
        list.remove(removed);

        List<Integer> rest = new ArrayList<>();
        String cursor = first.nextCursor();
        while (cursor != null) {
            Pages.Page<Integer> page = Pages.of(list, String::valueOf, cursor, limit);
            rest.addAll(page.items());
            cursor = page.nextCursor();
        }
        List<Integer> expected = new ArrayList<>(list);
        expected.removeAll(first.items());
        assertThat(rest).doesNotContainAnyElementsOf(first.items()).containsExactlyElementsOf(expected);
    }
}
