package dev.canopy.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void randomTokensAreUrlSafeAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = Tokens.random(32);
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void hashIsStableHexSha256AndComparedExactly() {
        String hash = Tokens.hash("secret");
        assertThat(hash).isEqualTo("2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b");
        assertThat(Tokens.sameHash(hash, Tokens.hash("secret"))).isTrue();
        assertThat(Tokens.sameHash(hash, Tokens.hash("secreT"))).isFalse();
    }
}
