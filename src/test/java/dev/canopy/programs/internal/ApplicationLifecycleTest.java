package dev.canopy.programs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.programs.ApplicationStatus;
import dev.canopy.testing.Lifecycles;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** An application is decided once: the first decision stands whatever comes after it. */
class ApplicationLifecycleTest {

    @Property
    void anApplicationIsDecidedOnce(@ForAll List<ApplicationLifecycle> decisions) {
        List<ApplicationStatus> walk = Lifecycles.walk(ApplicationStatus.PENDING, decisions);

        assertThat(walk.getLast())
                .isEqualTo(
                        decisions.isEmpty()
                                ? ApplicationStatus.PENDING
                                : decisions.getFirst().to());
    }
}
