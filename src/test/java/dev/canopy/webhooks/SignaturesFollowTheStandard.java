package dev.canopy.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.shared.WorkspaceId;
import dev.canopy.webhooks.internal.DeliveryTable;
import dev.canopy.webhooks.internal.Dispatcher;
import dev.canopy.webhooks.internal.EndpointTable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The signature headers against the Standard Webhooks specification's own test vector (its reference libraries'
 * "sign" test), and against HMAC-SHA256 computed here without the library, during a secret's rotation too.
 */
class SignaturesFollowTheStandard {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final Instant AT = Instant.ofEpochSecond(1614265330);
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void theSpecificationsVectorSignsAsItSays() {
        Map<String, String> headers =
                Dispatcher.headers(claim(BODY), new EndpointTable.Secrets(SECRET, null, null), AT);

        assertThat(headers)
                .containsEntry("webhook-id", ID)
                .containsEntry("webhook-timestamp", "1614265330")
                .containsEntry("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void whileASecretIsRotatedBothSignAndAfterwardsOnlyTheNewOne() throws Exception {
        String fresh = "whsec_" + Base64.getEncoder().encodeToString("a fresh secret of 24 bytes".getBytes());
        EndpointTable.Secrets rotating = new EndpointTable.Secrets(fresh, SECRET, AT.plusSeconds(86_400));

        String during = Dispatcher.headers(claim(BODY), rotating, AT).get("webhook-signature");
        String after = Dispatcher.headers(claim(BODY), rotating, AT.plusSeconds(86_400))
                .get("webhook-signature");

        assertThat(during).isEqualTo(hmac(fresh, AT) + " " + hmac(SECRET, AT));
        assertThat(after).isEqualTo(hmac(fresh, AT.plusSeconds(86_400)));
    }

    /** {@code v1,} and base64 of HMAC-SHA256 over {@code id.timestamp.body}, keyed by the secret's base64 part. */
    private static String hmac(String secret, Instant at) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] signed = mac.doFinal((ID + "." + at.getEpochSecond() + "." + BODY).getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(signed);
    }

    private static DeliveryTable.Claim claim(String body) {
        return new DeliveryTable.Claim(
                1, WorkspaceId.random(), UUID.randomUUID(), "https://example.com", ID, body, AT, 1, AT.plusSeconds(60));
    }
}
