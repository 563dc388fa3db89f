package dev.canopy.partners.internal;

import dev.canopy.platform.RegistrableDomain;
import dev.canopy.shared.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A partner's website: an http(s) address, and the host it lives on (without "www."). */
public final class Websites {

    private Websites() {}

    /** The address, normalized, or null when blank; bad ones are reported against {@code field}. */
    public static String normalize(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String candidate = raw.strip();
        if (!candidate.matches("(?i)^https?://.*")) {
            candidate = "https://" + candidate;
        }
        try {
            URI uri = new URI(candidate);
            String host = uri.getHost();
            if (host == null || !host.contains(".") || candidate.length() > 300) {
                throw new InvalidInputException(field, "Enter a website such as https://www.example.com");
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host.toLowerCase(Locale.ROOT)
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "Enter a website such as https://www.example.com");
        }
    }

    /**
     * The registrable domain of a normalized address ({@code shop.acme.co.uk} gives {@code acme.co.uk}); for
     * a suffix the public suffix list does not know (such as {@code .example}), the host without "www.".
     */
    public static String domain(String website) {
        if (website == null) {
            return null;
        }
        String host = URI.create(website).getHost();
        return RegistrableDomain.of(host).orElse(host.startsWith("www.") ? host.substring(4) : host);
    }
}
