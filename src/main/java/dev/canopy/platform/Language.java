package dev.canopy.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language the portal and the public pages ship in. {@code tag} picks the message bundle ("en-IN" reads the
 * English one); {@code formats} is the locale whose digits, grouping, dates and home currency the pages follow.
 */
public record Language(String tag, String name, Locale formats) {

    public static final Language ENGLISH = new Language("en", "English", Locale.forLanguageTag("en-001"));

    /** What a partner may choose, in the order the chooser lists them. */
    public static final List<Language> SHIPPED = List.of(
            ENGLISH,
            new Language("en-IN", "English (India)", Locale.forLanguageTag("en-IN")),
            new Language("de", "Deutsch", Locale.forLanguageTag("de-DE")),
            new Language("fr", "Français", Locale.forLanguageTag("fr-FR")));

    public static Optional<Language> of(String tag) {
        return SHIPPED.stream().filter(l -> l.tag().equalsIgnoreCase(tag)).findFirst();
    }

    /** The shipped language for a locale a request resolved to: its exact tag, else its language, else English. */
    public static Language of(Locale locale) {
        return shipped(locale).orElse(ENGLISH);
    }

    /** The shipped language for a locale ("de-AT" reads German), if Canopy ships one. */
    public static Optional<Language> shipped(Locale locale) {
        return of(locale.toLanguageTag()).or(() -> of(locale.getLanguage()));
    }

    /** The locale Spring resolves messages in: the tag itself, so that "en-IN" falls back to the English bundle. */
    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }
}
