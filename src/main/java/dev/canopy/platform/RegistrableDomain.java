package dev.canopy.platform;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The domain an organisation registered, as the public suffix list defines it: {@code shop.acme.co.uk}
 * and {@code www.acme.co.uk} are both {@code acme.co.uk}. Names are compared in their ASCII (punycode)
 * form, so {@code bücher.example} and {@code xn--bcher-kva.example} are the same.
 */
public final class RegistrableDomain {

    /**
     * Top-level domains reserved for documentation and testing (RFC 2606, RFC 6761), which the public suffix
     * list does not know: their second level is taken as registrable, as under any other suffix, so demo
     * data and tests use {@code acme.example} for partners, deals and accounts alike (ADR 11).
     */
    private static final Set<String> RESERVED_FOR_EXAMPLES = Set.of("example", "test");

    private RegistrableDomain() {}

    /** The registrable domain of a host name, web address or email domain; empty when there is none. */
    public static Optional<String> of(String hostOrAddress) {
        if (hostOrAddress == null || hostOrAddress.isBlank()) {
            return Optional.empty();
        }
        String host = host(hostOrAddress.strip());
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        try {
            InternetDomainName name = InternetDomainName.from(
                    IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
            if (name.isUnderPublicSuffix()) {
                return Optional.of(name.topPrivateDomain().toString());
            }
            List<String> labels = name.parts();
            return labels.size() >= 2 && RESERVED_FOR_EXAMPLES.contains(labels.getLast())
                    ? Optional.of(String.join(".", labels.subList(labels.size() - 2, labels.size())))
                    : Optional.empty();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    // By hand rather than java.net.URI, which does not parse non-ASCII host names.
    private static String host(String value) {
        String rest = value.contains("@") ? value.substring(value.lastIndexOf('@') + 1) : value;
        rest = rest.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
        int end = rest.length();
        for (char stop : new char[] {'/', '?', '#', ':'}) {
            int at = rest.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String host = rest.substring(0, end);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
