package dev.canopy.partners.internal;

import static dev.canopy.partners.PartnerStatus.ACTIVE;
import static dev.canopy.partners.PartnerStatus.APPLIED;
import static dev.canopy.partners.PartnerStatus.APPROVED;
import static dev.canopy.partners.PartnerStatus.ARCHIVED;
import static dev.canopy.partners.PartnerStatus.BANNED;
import static dev.canopy.partners.PartnerStatus.INVITED;
import static dev.canopy.partners.PartnerStatus.REJECTED;
import static dev.canopy.partners.PartnerStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.partners.PartnerStatus;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PartnerLifecycleTest {

    @Test
    void theUsualPathsAreOpen() {
        assertThatCode(() -> PartnerLifecycle.check(APPLIED, APPROVED, null)).doesNotThrowAnyException();
        assertThatCode(() -> PartnerLifecycle.check(APPROVED, ACTIVE, null)).doesNotThrowAnyException();
        assertThatCode(() -> PartnerLifecycle.check(INVITED, ACTIVE, null)).doesNotThrowAnyException();
        assertThatCode(() -> PartnerLifecycle.check(ACTIVE, SUSPENDED, "late payments"))
                .doesNotThrowAnyException();
        assertThatCode(() -> PartnerLifecycle.check(SUSPENDED, ACTIVE, null)).doesNotThrowAnyException();
        assertThatCode(() -> PartnerLifecycle.check(REJECTED, APPLIED, null)).doesNotThrowAnyException();
        assertThatCode(() -> PartnerLifecycle.check(BANNED, ARCHIVED, null)).doesNotThrowAnyException();
    }

    @Test
    void rejectingSuspendingAndBanningNeedAReason() {
        for (PartnerStatus to : List.of(REJECTED, SUSPENDED, BANNED)) {
            PartnerStatus from = to == REJECTED ? APPLIED : ACTIVE;
            assertThatThrownBy(() -> PartnerLifecycle.check(from, to, "  "))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems().getFirst().field()).isEqualTo("reason"));
        }
    }

    @Test
    void movesOutsideTheLifecycleAreRefused() {
        assertThatThrownBy(() -> PartnerLifecycle.check(APPLIED, ACTIVE, null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> PartnerLifecycle.check(BANNED, ACTIVE, null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> PartnerLifecycle.check(ACTIVE, INVITED, null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyInvitedApprovedAndActivePartnersReachThePortal() {
        assertThat(List.of(PartnerStatus.values()).stream().filter(PartnerLifecycle::portalOpen))
                .containsExactlyInAnyOrder(INVITED, APPROVED, ACTIVE);
    }

    @Property
    void archivedIsTheEndAndEveryAcceptedMoveIsOneTheLifecycleLists(
            @ForAll @Size(max = 20) List<PartnerStatus> attempts) {
        PartnerStatus current = APPLIED;
        for (PartnerStatus next : attempts) {
            boolean allowed = PartnerLifecycle.nextFrom(current).contains(next);
            try {
                PartnerLifecycle.check(current, next, "because");
                assertThat(allowed).as(current + " -> " + next).isTrue();
                current = next;
            } catch (ConflictException e) {
                assertThat(allowed).as(current + " -> " + next).isFalse();
            }
        }
        assertThat(PartnerLifecycle.nextFrom(ARCHIVED)).isEmpty();
    }
}
