package dev.canopy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void dropsTheHostPartOfIpv4AndIpv6() {
        assertThat(ClientAddress.anonymize("203.0.113.77")).isEqualTo("203.0.113.0");
        assertThat(ClientAddress.anonymize("2001:db8:85a3:8d3:1319:8a2e:370:7348"))
                .isEqualTo("2001:db8:85a3::");
        assertThat(ClientAddress.anonymize("::1")).isEqualTo("0:0:1::");
        assertThat(ClientAddress.anonymize(null)).isNull();
        assertThat(ClientAddress.anonymize("")).isNull();
    }
}
