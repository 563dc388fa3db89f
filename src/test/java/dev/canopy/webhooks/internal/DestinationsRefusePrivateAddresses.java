package dev.canopy.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SSRF: loopback, private, link-local (the metadata service), shared-NAT, multicast and unspecified addresses are
 * refused — as literals and as names resolving to them, when connecting — and a redirect is never followed.
 */
class DestinationsRefusePrivateAddresses {

    private final Destinations destinations = new Destinations(List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.1.2.3",
                "::1",
                "169.254.169.254",
                "fe80::1",
                "10.0.0.1",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "fd00::1",
                "fc00::1",
                "100.64.0.1",
                "0.0.0.0",
                "::",
                "224.0.0.1",
                "::ffff:127.0.0.1"
            })
    void aPrivateOrLocalAddressIsRefused(String address) {
        assertThat(destinations.refusal(InetAddress.ofLiteral(address))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"})
    void aPublicAddressIsAllowed(String address) {
        assertThat(destinations.refusal(InetAddress.ofLiteral(address))).isNull();
    }

    @Test
    void anOperatorCanOpenARange() {
        Destinations open = new Destinations(List.of("10.1.0.0/16", "fd12::/16"));

        assertThat(open.refusal(InetAddress.ofLiteral("10.1.200.3"))).isNull();
        assertThat(open.refusal(InetAddress.ofLiteral("10.2.0.1"))).isNotNull();
        assertThat(open.refusal(InetAddress.ofLiteral("fd12::5"))).isNull();
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedAndNothingIsSent() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try (Sender sender = new Sender(destinations, Clock.systemUTC())) {
            int port = server.getAddress().getPort();

            Sender.Outcome byName = sender.post(URI.create("http://localhost:" + port + "/"), Map.of(), "{}");
            Sender.Outcome byLiteral = sender.post(URI.create("http://127.0.0.1:" + port + "/"), Map.of(), "{}");

            assertThat(byName.status()).isNull();
            assertThat(byName.error()).contains("localhost resolves to a loopback address");
            assertThat(byLiteral.error()).contains("loopback");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        AtomicInteger redirected = new AtomicInteger();
        HttpServer target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        target.createContext("/", exchange -> {
            redirected.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        target.start();
        HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        redirecting.createContext("/", exchange -> {
            exchange.getResponseHeaders()
                    .add("Location", "http://127.0.0.1:" + target.getAddress().getPort() + "/");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        redirecting.start();
        try (Sender sender = new Sender(new Destinations(List.of("127.0.0.1/32")), Clock.systemUTC())) {
            Sender.Outcome outcome = sender.post(
                    URI.create("http://127.0.0.1:" + redirecting.getAddress().getPort() + "/"), Map.of(), "{}");

            assertThat(outcome.status()).isEqualTo(307);
            assertThat(outcome.delivered()).isFalse();
            assertThat(redirected).hasValue(0);
        } finally {
            target.stop(0);
            redirecting.stop(0);
        }
    }

    @Test
    void aBadRangeNamesTheSetting() {
        assertThatThrownBy(() -> new Destinations(List.of("10.0.0.0/33")))
                .hasMessageContaining("canopy.webhooks.allowed-ranges");
    }
}
