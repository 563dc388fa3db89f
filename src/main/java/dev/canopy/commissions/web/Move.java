package dev.canopy.commissions.web;

import dev.canopy.commissions.CommissionReview;
import java.util.List;
import java.util.UUID;

/** What finance does to commissions in bulk, and how the flash message says what happened. */
enum Move {
    APPROVE("approved", "pending or held"),
    DECLINE("declined", "pending, held or approved"),
    HOLD("held for review", "pending"),
    RELEASE("released", "held");

    private final String done;
    private final String from;

    Move(String done, String from) {
        this.done = done;
        this.from = from;
    }

    /** Moves {@code ids}; answers how many moved. */
    int apply(CommissionReview review, List<UUID> ids, String reason) {
        return switch (this) {
            case APPROVE -> review.approve(ids, reason);
            case DECLINE -> review.decline(ids, reason);
            case HOLD -> review.hold(ids, reason);
            case RELEASE -> review.release(ids, reason);
        };
    }

    /** "3 commissions approved." or, when some could not move, "2 of 3 commissions approved; …". */
    String message(int moved, int asked) {
        String noun = asked == 1 ? " commission " : " commissions ";
        if (moved == asked) {
            return moved + noun + done + ".";
        }
        return moved + " of " + asked + noun + done + "; only " + from + " ones can be " + done + ".";
    }
}
