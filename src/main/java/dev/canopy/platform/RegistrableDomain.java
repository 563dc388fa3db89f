package dev.canopy.platform;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * The domain an organisation registered, as the public suffix list defines it: {@code shop.acme.co.uk}
 * and {@code www.acme.co.uk} are both {@code acme.co.uk}. Names are compared in their ASCII (punycode)
 * form, so {@code bücher.example} and {@code xn--bcher-kva.example} are the same.
 */
public final class RegistrableDomain {

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
            return name.isUnderPublicSuffix()
                    ? Optional.of(name.topPrivateDomain().toString())
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
