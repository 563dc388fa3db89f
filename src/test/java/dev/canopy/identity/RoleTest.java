package dev.canopy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void analystOnlyReads() {
        assertThat(Role.ANALYST.permissions()).allMatch(Permission::readOnly);
    }

    @Test
    void onlyOwnersAndAdminsManageTheTeamKeysAndAuditLog() {
        for (Role role : Role.values()) {
            boolean manages = role == Role.OWNER || role == Role.ADMIN;
            assertThat(role.permissions().contains(Permission.TEAM_WRITE))
                    .as(role.name())
                    .isEqualTo(manages);
            assertThat(role.permissions().contains(Permission.API_KEYS_WRITE))
                    .as(role.name())
                    .isEqualTo(manages);
            assertThat(role.permissions().contains(Permission.AUDIT_READ))
                    .as(role.name())
                    .isEqualTo(manages);
        }
    }

    @Test
    void everyoneReadsProgrammesAndOnlyOwnersAdminsAndPartnerManagersChangeThem() {
        for (Role role : Role.values()) {
            boolean changes = role == Role.OWNER || role == Role.ADMIN || role == Role.PARTNER_MANAGER;
            assertThat(role.permissions()).as(role.name()).contains(Permission.PROGRAMS_READ);
            assertThat(role.permissions().contains(Permission.PROGRAMS_WRITE))
                    .as(role.name())
                    .isEqualTo(changes);
        }
        assertThat(ApiKeyScope.READ.permissions())
                .contains(Permission.PROGRAMS_READ)
                .doesNotContain(Permission.PROGRAMS_WRITE);
        assertThat(ApiKeyScope.READ_WRITE.permissions()).contains(Permission.PROGRAMS_WRITE);
    }

    @Test
    void ownersAreNeverInvited() {
        assertThat(Role.OWNER.invitable()).isFalse();
        assertThat(Role.ADMIN.invitable()).isTrue();
    }

    @Test
    void keyScopesNeverManageKeysAndReadOnlyKeysOnlyRead() {
        assertThat(ApiKeyScope.READ_WRITE.permissions()).doesNotContain(Permission.API_KEYS_WRITE);
        assertThat(ApiKeyScope.READ.permissions())
                .allMatch(Permission::readOnly)
                .contains(Permission.TEAM_READ);
        assertThat(ApiKeyScope.READ_WRITE.permissions()).contains(Permission.TEAM_WRITE);
    }
}
