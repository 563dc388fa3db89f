package dev.canopy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256Test {

    // FIPS 180-4's examples (NIST's "SHA256.pdf"): "abc" and the empty message.
    @Test
    void hashesAsTheStandardsExamplesSay() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void textIsHashedAsUtf8AndADigestHashesItsPartsAsOne() {
        var digest = Sha256.digest();
        digest.update("ab".getBytes(StandardCharsets.UTF_8));
        digest.update("c".getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(Sha256.hex("abc"));
        assertThat(Sha256.hex("é"))
                .isEqualTo(HexFormat.of().formatHex(Sha256.digest().digest(new byte[] {(byte) 0xc3, (byte) 0xa9})))
                .isNotEqualTo(HexFormat.of().formatHex(Sha256.digest().digest(new byte[] {(byte) 0xe9})));
    }
}
