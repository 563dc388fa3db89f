package dev.canopy.comarketing.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.Reimbursements;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Approved MDF claims, paid through payout runs as their own line kind: a claim belongs to one run at most. */
@Component
class MdfReimbursements implements Reimbursements {

    private final MdfClaimTable claims;
    private final Clock clock;

    MdfReimbursements(MdfClaimTable claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int claim(WorkspaceId workspace, UUID run, Instant cutoff) {
        return claims.claimForRun(workspace, run, cutoff);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Owed> owed(WorkspaceId workspace, UUID run) {
        return claims.owed(workspace, run);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Owed> preview(WorkspaceId workspace, Instant cutoff) {
        return claims.due(workspace, cutoff);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(WorkspaceId workspace, UUID run, PartnerId partner, String currency) {
        claims.release(workspace, run, partner, currency);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int markPaid(WorkspaceId workspace, UUID run) {
        return claims.markPaid(workspace, run, clock.instant());
    }
}
