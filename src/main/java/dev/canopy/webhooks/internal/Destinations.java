package dev.canopy.webhooks.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where a webhook may go (server-side request forgery): a public address only — never loopback, private (10/8,
 * 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the clouds' metadata service, fe80::/10), carrier-grade
 * NAT (100.64/10), multicast or unspecified — unless the operator allows a range ({@code canopy.webhooks.allowed-ranges}).
 * Checked on the addresses a name resolves to, at the moment of connecting ({@link PublicOnlyDns}).
 */
public final class Destinations {

    private final List<Cidr> allowed;

    public Destinations(List<String> allowedRanges) {
        this.allowed = allowedRanges.stream().map(Cidr::parse).toList();
    }

    /** Why {@code address} is refused, or null when a webhook may go there. */
    public String refusal(InetAddress address) {
        if (allowed.stream().anyMatch(c -> c.contains(address))) {
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

    /** An address range such as {@code 10.1.0.0/16} or {@code fd00::/8}. */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String range) {
            String[] parts = range.trim().split("/", 2);
            try {
                byte[] network = InetAddress.ofLiteral(parts[0]).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("No such prefix length in " + range);
                }
                return new Cidr(network, bits);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("canopy.webhooks.allowed-ranges: not an address range: " + range, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((bytes[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
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
