package dev.canopy.webhooks.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.security.util.matcher.InetAddressMatcher;
import org.springframework.security.util.matcher.InetAddressMatchers;

/**
 * Where a webhook may go (server-side request forgery): a public address only — never loopback, private (10/8,
 * 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the clouds' metadata service, fe80::/10), carrier-grade
 * NAT (100.64/10), multicast or unspecified — unless the operator allows a range ({@code canopy.webhooks.allowed-ranges}).
 * Checked on the addresses a name resolves to, at the moment of connecting ({@link PublicOnlyDns}).
 */
public final class Destinations {

    private final List<InetAddressMatcher> allowed;

    public Destinations(List<String> allowedRanges) {
        this.allowed = allowedRanges.stream().map(Destinations::range).toList();
    }

    /** An operator's range such as {@code 10.1.0.0/16} or {@code fd00::/8}; a host name is refused. */
    private static InetAddressMatcher range(String range) {
        try {
            return InetAddressMatchers.fromIpAddress(range.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("canopy.webhooks.allowed-ranges: not an address range: " + range, e);
        }
    }

    /** Why {@code address} is refused, or null when a webhook may go there. */
    public String refusal(InetAddress address) {
        if (allowed.stream().anyMatch(c -> c.matches(address))) {
            return null;
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (such as a cloud's metadata service)";
        }
        if (address.isSiteLocalAddress() || uniqueLocal(address) || sharedNat(address)) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        return null;
    }

    /** IPv6 unique local addresses, fc00::/7 (Java's site-local test knows only the old fec0::/10). */
    private static boolean uniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    /** Carrier-grade NAT, 100.64.0.0/10. */
    private static boolean sharedNat(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }

    /** Resolves {@code host} and refuses it when any of its addresses is refused. */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                throw new RefusedDestination(host + " resolves to " + refusal + " (" + address.getHostAddress() + ")");
            }
        }
        return addresses;
    }

    /** A destination a webhook may not go to. */
    public static final class RefusedDestination extends UnknownHostException {
        RefusedDestination(String message) {
            super(message);
        }
    }
}
