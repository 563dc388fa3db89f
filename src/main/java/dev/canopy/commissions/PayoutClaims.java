package dev.canopy.commissions;

import dev.canopy.commissions.internal.ClaimTable;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a payout run takes commissions: it claims the approved, payable ones (a commission belongs to one
 * run at most: the claim only takes rows no run holds), gives back the groups it carries to the next
 * run, and marks the rest paid. Each call joins the run's transaction.
 */
@Service
public class PayoutClaims {

    /**
     * Claimed commissions of one partner in one currency, with the highest payout minimum among their programmes
     * and what was approved (credited, for tax) at each moment, oldest first.
     */
    public record Group(PartnerId partner, Money total, int commissions, Money minimum, List<Credit> credits) {}

    /** Commissions approved at one moment, netted: the tax year a withholding counts in follows it. */
    public record Credit(Instant approvedAt, Money amount) {}

    private final ClaimTable claims;

    PayoutClaims(ClaimTable claims) {
        this.claims = claims;
    }

    /** Claims every approved payable commission approved at or before {@code cutoff}; answers how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int claim(WorkspaceId workspace, UUID run, Instant cutoff) {
        return claims.claim(workspace, run, cutoff);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<Group> groups(WorkspaceId workspace, UUID run) {
        return claims.groups(workspace, run);
    }

    /** What a run would claim now, without claiming it: the preview. */
    @Transactional(readOnly = true)
    public List<Group> preview(WorkspaceId workspace, Instant cutoff) {
        return claims.preview(workspace, cutoff);
    }

    /** Gives a carried group's commissions back to the approved pool for the next run. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(WorkspaceId workspace, UUID run, PartnerId partner, String currency) {
        claims.release(workspace, run, partner, currency);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int markPaid(WorkspaceId workspace, UUID run) {
        return claims.markPaid(workspace, run);
    }
}
