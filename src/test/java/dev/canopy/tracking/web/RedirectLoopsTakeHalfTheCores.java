package dev.canopy.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedirectLoopsTakeHalfTheCores {

    @Test
    void byDefaultHalfTheCoresAnswerRedirectsAndAlwaysAtLeastOne() {
        assertThat(RedirectServer.defaultLoops(1)).isEqualTo(1);
        assertThat(RedirectServer.defaultLoops(2)).isEqualTo(1);
        assertThat(RedirectServer.defaultLoops(3)).isEqualTo(1);
        assertThat(RedirectServer.defaultLoops(4)).isEqualTo(2);
        assertThat(RedirectServer.defaultLoops(16)).isEqualTo(8);
    }

    @Test
    void theListenerRunsTheLoopsItWasGiven() {
        RedirectServer server = new RedirectServer(null, 0, false, 3, RedirectTransport.NIO);
        server.start();
        try {
            assertThat(server.loops()).isEqualTo(3);
        } finally {
            server.stop();
        }
    }

    @Test
    void noLoopsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new RedirectServer(null, 0, false, 0, RedirectTransport.NIO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("canopy.tracking.redirect-loops");
    }
}
