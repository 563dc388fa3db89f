package dev.canopy.directory.internal;

import dev.canopy.directory.DirectoryEntry;
import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * The directory's order, the same on the page, in the JSON and in the embed: the higher tier first (its place in
 * its programme), then more certified people, then the name alphabetically; the partner id last, so that two equal
 * partners never swap between requests. Nothing anyone pays for or types changes it.
 */
public final class Ranking {

    private Ranking() {}

    public static Comparator<DirectoryEntry> order() {
        Collator names = Collator.getInstance(Locale.ROOT);
        names.setStrength(Collator.SECONDARY);
        return Comparator.comparingInt(DirectoryEntry::tierRank)
                .reversed()
                .thenComparing(Comparator.comparingLong(DirectoryEntry::certifiedPeople)
                        .reversed())
                .thenComparing(DirectoryEntry::name, names)
                .thenComparing(e -> e.partnerId().value());
    }
}
