package dev.canopy.tracking.internal;

import dev.canopy.shared.InvalidInputException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;

/**
 * Where links may send visitors: absolute http(s) addresses on one of the workspace's allowed domains
 * (the domain itself or a subdomain of it), without credentials. Checked when a link is saved, so the
 * redirect only ever uses destinations that passed.
 */
public final class Destinations {

    private Destinations() {}

    /** The destination in a canonical form (host lower-case ASCII), or an error on {@code destination}. */
    public static URI check(String raw, Collection<String> allowedDomains) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("destination", "Enter the page the link leads to");
        }
        if (raw.length() > 2000) {
            throw new InvalidInputException("destination", "Use an address of at most 2,000 characters");
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(
                    "destination", "Enter a full web address, like https://www.example.com/pricing");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getRawAuthority() == null) {
            throw new InvalidInputException("destination", "Enter a full web address starting with https://");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null) {
            throw new InvalidInputException("destination", "Enter an address without a user name or password");
        }
        String host = normalizeHost(uri.getHost());
        if (allowedDomains.isEmpty()) {
            throw new InvalidInputException(
                    "destination", "Links can only lead to allowed domains, and this workspace has none yet");
        }
        if (allowedDomains.stream().noneMatch(domain -> isOnDomain(host, domain))) {
            throw new InvalidInputException(
                    "destination", host + " is not one of the allowed domains: " + String.join(", ", allowedDomains));
        }
        try {
            return new URI(
                    scheme,
                    null,
                    host,
                    uri.getPort(),
                    uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath(),
                    uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(
                    "destination", "Enter a full web address, like https://www.example.com/pricing");
        }
    }

    /** An allowed domain as entered ("www.Example.com", "https://example.com/") in canonical form. */
    public static String checkDomain(String raw) {
        String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        value = value.replaceFirst("^https?://", "");
        int slash = value.indexOf('/');
        if (slash >= 0) {
            value = value.substring(0, slash);
        }
        try {
            value = normalizeHost(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("domain", "Enter a domain name, like example.com");
        }
        if (!value.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}")) {
            throw new InvalidInputException("domain", "Enter a domain name, like example.com");
        }
        return value;
    }

    public static boolean isOnDomain(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    private static String normalizeHost(String host) {
        String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        return ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
    }
}
