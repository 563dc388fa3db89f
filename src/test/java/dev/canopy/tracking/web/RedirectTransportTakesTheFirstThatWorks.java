package dev.canopy.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RedirectTransportTakesTheFirstThatWorks {

    @Test
    void autoTakesTheFirstAvailableInOrderOfSpeed() {
        assertThat(RedirectTransport.values())
                .containsExactly(RedirectTransport.IO_URING, RedirectTransport.EPOLL, RedirectTransport.NIO);
        RedirectTransport first = Arrays.stream(RedirectTransport.values())
                .filter(RedirectTransport::available)
                .findFirst()
                .orElseThrow();
        assertThat(RedirectTransport.fromSetting("auto")).isEqualTo(first);
        assertThat(RedirectTransport.fromSetting(" AUTO ")).isEqualTo(first);
        assertThat(RedirectTransport.NIO.available())
                .as("the JDK's selector is always there")
                .isTrue();
    }

    @Test
    void aTransportIsNamedAsTheSettingSpellsIt() {
        assertThat(RedirectTransport.fromSetting("nio")).isEqualTo(RedirectTransport.NIO);
        assertThat(RedirectTransport.IO_URING.settingValue()).isEqualTo("io_uring");
        for (RedirectTransport transport : RedirectTransport.values()) {
            if (transport.available()) {
                assertThat(RedirectTransport.fromSetting(transport.settingValue()))
                        .isEqualTo(transport);
            } else {
                assertThatThrownBy(() -> RedirectTransport.fromSetting(transport.settingValue()))
                        .hasMessageContaining("canopy.tracking.redirect-transport=" + transport.settingValue())
                        .hasMessageContaining("not available here");
            }
        }
    }

    @Test
    void anUnknownTransportIsRefusedNamingTheSettingAndTheChoices() {
        assertThatThrownBy(() -> RedirectTransport.fromSetting("kqueue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("canopy.tracking.redirect-transport must be auto, io_uring, epoll, nio")
                .hasMessageContaining("\"kqueue\"");
        assertThatThrownBy(() -> RedirectTransport.fromSetting(""))
                .hasMessageContaining("canopy.tracking.redirect-transport");
    }

    @Test
    void aListenerRunsOnEveryTransportThisMachineHas() {
        for (RedirectTransport transport : RedirectTransport.values()) {
            if (!transport.available()) {
                continue;
            }
            RedirectServer server = new RedirectServer(null, 0, false, 1, transport);
            server.start();
            try {
                assertThat(server.transport()).isEqualTo(transport);
                assertThat(server.port()).isPositive();
                assertThat(server.isRunning()).isTrue();
            } finally {
                server.stop();
            }
        }
    }
}
