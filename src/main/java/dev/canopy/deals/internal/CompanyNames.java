package dev.canopy.deals.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A company name reduced to what tells companies apart: lower case, accents and punctuation gone, and
 * legal forms (Inc, Ltd, GmbH, LLC, Pvt…) dropped, so "ACME, Inc." and "Acme Incorporated" compare equal
 * and trigram similarity measures only the distinctive words.
 */
public final class CompanyNames {

    private static final Set<String> LEGAL_FORMS = Set.of(
            "inc",
            "incorporated",
            "corp",
            "corporation",
            "co",
            "company",
            "ltd",
            "limited",
            "llc",
            "llp",
            "lp",
            "plc",
            "gmbh",
            "ag",
            "kg",
            "sa",
            "sas",
            "sarl",
            "srl",
            "spa",
            "bv",
            "nv",
            "ab",
            "as",
            "oy",
            "pty",
            "pvt",
            "private",
            "pte",
            "kk",
            "the");

    private CompanyNames() {}

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        String kept = Arrays.stream(plain.split(" "))
                .filter(word -> !word.isEmpty() && !LEGAL_FORMS.contains(word))
                .collect(Collectors.joining(" "));
        // A name that is nothing but a legal form ("The Company Ltd") keeps its words.
        return kept.isEmpty() ? plain : kept;
    }
}
