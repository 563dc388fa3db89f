package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.tracking.AttributionSignal;
import dev.canopy.tracking.EventOutcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one rule that decides who a customer belongs to, over every signal an event brings. The strongest
 * signal wins by a fixed precedence (deal registration > click > ref > coupon; the later one among
 * equals); a customer that already belongs to a partner stays with it unless its programme allows
 * takeover and another partner's signal is newer than the attribution.
 */
public final class AttributionPolicy {

    /** A piece of evidence that names a partner, already checked against its programme's window. */
    public record Candidate(
            AttributionSignal signal,
            PartnerId partner,
            ProgramId program,
            Instant at,
            UUID clickId,
            String couponCode,
            UUID dealId) {}

    /** The partner the customer belongs to now, if any. */
    public record Current(PartnerId partner, ProgramId program, Instant since, boolean takeoverAllowed) {}

    public enum Outcome {
        ATTRIBUTED(EventOutcome.ATTRIBUTED),
        TAKEN_OVER(EventOutcome.TAKEN_OVER),
        KEPT(EventOutcome.KEPT),
        UNATTRIBUTED(EventOutcome.UNATTRIBUTED);

        private final EventOutcome event;

        Outcome(EventOutcome event) {
            this.event = event;
        }

        /** What the event that led to this decision is said to have had, in the API and the event log. */
        public EventOutcome event() {
            return event;
        }
    }

    /** The decision and the evidence it rests on ({@code evidence} null when nothing named a partner). */
    public record Decision(Outcome outcome, PartnerId partner, ProgramId program, Candidate evidence, String reason) {}

    // The last tie-break is arbitrary but fixed, so the same signals decide the same way in any order.
    private static final Comparator<Candidate> STRONGEST_FIRST = Comparator.comparing(Candidate::signal)
            .thenComparing(Candidate::at, Comparator.reverseOrder())
            .thenComparing(c -> c.partner().value())
            .thenComparing(c -> c.program().value())
            .thenComparing(c -> String.valueOf(c.clickId()))
            .thenComparing(c -> String.valueOf(c.dealId()))
            .thenComparing(c -> String.valueOf(c.couponCode()));

    private AttributionPolicy() {}

    public static Decision decide(Optional<Current> current, List<Candidate> candidates, String unattributedReason) {
        Optional<Candidate> strongest = candidates.stream().min(STRONGEST_FIRST);
        if (current.isEmpty()) {
            return strongest
                    .map(c -> new Decision(
                            Outcome.ATTRIBUTED,
                            c.partner(),
                            c.program(),
                            c,
                            "Attributed by " + c.signal().label() + describeOthers(candidates, c)))
                    .orElseGet(() -> new Decision(Outcome.UNATTRIBUTED, null, null, null, unattributedReason));
        }
        Current owner = current.get();
        if (strongest.isEmpty() || strongest.get().partner().equals(owner.partner())) {
            return new Decision(
                    Outcome.KEPT,
                    owner.partner(),
                    owner.program(),
                    strongest.orElse(null),
                    "The customer belongs to its partner since " + owner.since());
        }
        Candidate challenger = strongest.get();
        if (owner.takeoverAllowed() && challenger.at().isAfter(owner.since())) {
            return new Decision(
                    Outcome.TAKEN_OVER,
                    challenger.partner(),
                    challenger.program(),
                    challenger,
                    "Taken over by a newer " + challenger.signal().label()
                            + ": the programme allows another partner to take over a customer");
        }
        return new Decision(
                Outcome.KEPT,
                owner.partner(),
                owner.program(),
                challenger,
                owner.takeoverAllowed()
                        ? "Kept with its partner: the other partner's "
                                + challenger.signal().label() + " is older than the attribution"
                        : "Kept with its first partner: the programme does not allow takeover");
    }

    private static String describeOthers(List<Candidate> candidates, Candidate winner) {
        long others = candidates.stream()
                .filter(c -> c != winner && !c.partner().equals(winner.partner()))
                .count();
        return others == 0 ? "" : " (it outranks " + others + " other partner signal" + (others == 1 ? ")" : "s)");
    }
}
