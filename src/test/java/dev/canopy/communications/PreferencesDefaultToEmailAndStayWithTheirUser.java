package dev.canopy.communications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A partner user's choice per kind: e-mail until chosen, kept per kind, and never written for another workspace. */
@CanopyTest
class PreferencesDefaultToEmailAndStayWithTheirUser {

    @Autowired
    Fixtures fixtures;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    JdbcClient db;

    @Test
    void aChoiceChangesOnlyItsKindAndOnlyInItsWorkspace() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        Fixtures.Tenant other = fixtures.newWorkspace();
        UUID user = userId(fixtures.partnerUser(tenant));

        assertThat(preferences.choices(tenant.id(), user))
                .hasSize(NotificationKind.values().length)
                .allSatisfy((kind, delivery) -> assertThat(delivery).isEqualTo(Delivery.EMAIL));

        preferences.choose(tenant.id(), user, NotificationKind.ANNOUNCEMENTS, Delivery.DAILY_DIGEST);
        preferences.choose(tenant.id(), user, NotificationKind.DEALS, Delivery.IN_APP);
        preferences.choose(tenant.id(), user, NotificationKind.DEALS, Delivery.EMAIL);
        preferences.choose(other.id(), user, NotificationKind.PAYOUTS, Delivery.IN_APP);

        assertThat(preferences.choices(tenant.id(), user))
                .containsEntry(NotificationKind.ANNOUNCEMENTS, Delivery.DAILY_DIGEST)
                .containsEntry(NotificationKind.DEALS, Delivery.EMAIL)
                .containsEntry(NotificationKind.PAYOUTS, Delivery.EMAIL);
        assertThat(preferences.emailsAtOnce(tenant.id(), user, NotificationKind.ANNOUNCEMENTS))
                .isFalse();
        assertThat(preferences.emailsAtOnce(tenant.id(), user, NotificationKind.DEALS))
                .isTrue();
        assertThat(fixtures.count("communications_preference", other.id())).isZero();
    }

    private UUID userId(String email) {
        return db.sql("select id from identity_partner_user where email = ?")
                .param(email)
                .query(UUID.class)
                .single();
    }
}
