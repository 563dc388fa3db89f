package dev.canopy.webhooks.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's resolver: every address a name resolves to is checked as the connection is made, so a name
 * that pointed to a public address when the endpoint was saved and to a private one now is refused, and so is an
 * address literal in the URL.
 */
class PublicOnlyDns implements DnsResolver {

    private final Destinations destinations;

    PublicOnlyDns(Destinations destinations) {
        this.destinations = destinations;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return destinations.resolve(host);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return resolve(host)[0].getCanonicalHostName();
    }
}
