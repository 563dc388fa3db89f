package dev.canopy.partners;

import dev.canopy.partners.internal.ActivationTable;
import dev.canopy.partners.internal.PartnerTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.InvalidInputException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner list's tier column and filter, and the programmes a partner is placed in when staff add it, when a
 * module that knows programmes is present.
 */
@Service
public class PartnerDirectory {

    private final ObjectProvider<PartnerTiers> tiers;
    private final Partners partnerService;
    private final PartnerTable partners;
    private final CurrentWorkspace currentWorkspace;
    private final ActivationTable activation;

    PartnerDirectory(
            ObjectProvider<PartnerTiers> tiers,
            Partners partnerService,
            PartnerTable partners,
            CurrentWorkspace currentWorkspace,
            ActivationTable activation) {
        this.tiers = tiers;
        this.partnerService = partnerService;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.activation = activation;
    }

    /** Where staff place a partner they add: a programme, and the tier it starts at (null: the one it earns). */
    public record Placement(String programId, @Nullable String tierId) {}

    /** The programmes staff may place a partner in; none when no module knows programmes. */
    public List<PartnerTiers.Programme> programmes() {
        PartnerTiers known = tiers.getIfAvailable();
        return known == null ? List.of() : known.programmes();
    }

    /**
     * Adds a partner company, invites its contact to the portal and places it in programmes, all or nothing: a
     * refused placement stores nothing and sends no invitation.
     */
    @Transactional
    public PartnerView invite(NewPartner partner, List<Placement> placements) {
        PartnerView created = partnerService.invite(partner);
        PartnerTiers known = tiers.getIfAvailable();
        for (Placement placement : placements) {
            if (known == null) {
                throw new InvalidInputException("placements", "This workspace has no programmes to place partners in");
            }
            known.enrol(created.id(), placement.programId(), placement.tierId());
        }
        return created;
    }

    public List<PartnerTiers.Tier> tiers() {
        PartnerTiers known = tiers.getIfAvailable();
        return known == null ? List.of() : known.tiers();
    }

    /** {@code search} kept to the partners at {@code tierId}; unchanged when no tier is asked for. */
    public PartnerSearch atTier(PartnerSearch search, String tierId) {
        PartnerTiers known = tiers.getIfAvailable();
        if (tierId == null || tierId.isBlank() || known == null) {
            return search;
        }
        return search.onlyAmong(known.partnersAt(tierId.strip()));
    }

    /**
     * The partners of the current workspace of {@code type}, in {@code region} and at the tier {@code tierId} (each
     * optional), for reports that filter by them.
     */
    @Transactional(readOnly = true)
    public Set<PartnerId> matching(PartnerType type, String region, String tierId) {
        Set<PartnerId> found = new HashSet<>(
                partners.ids(currentWorkspace.id(), type, region == null || region.isBlank() ? null : region.strip()));
        PartnerTiers known = tiers.getIfAvailable();
        if (tierId != null && !tierId.isBlank()) {
            found.retainAll(known == null ? Set.of() : known.partnersAt(tierId.strip()));
        }
        return found;
    }

    /** The names of those of {@code ids} that are the current workspace's partners: a report's rows read no more. */
    @Transactional(readOnly = true)
    public Map<PartnerId, String> names(Collection<PartnerId> ids) {
        return ids.isEmpty() ? Map.of() : partners.names(currentWorkspace.id(), ids);
    }

    /** Partners of the current workspace first approved from {@code from} to {@code to}, and when. */
    @Transactional(readOnly = true)
    public Map<PartnerId, Instant> approvedBetween(Instant from, Instant to) {
        return activation.approvedBetween(currentWorkspace.id(), from, to);
    }

    /** Active partners of the current workspace at {@code now}, and how many of them are dormant. */
    public record ActiveCount(long active, long dormant) {}

    @Transactional(readOnly = true)
    public ActiveCount active(Instant now) {
        ActivationTable.Active counted = activation.active(currentWorkspace.id(), now);
        return new ActiveCount(counted.active(), counted.dormant());
    }

    public Map<PartnerId, List<String>> tierLabels(Collection<PartnerView> partners) {
        PartnerTiers known = tiers.getIfAvailable();
        return known == null
                ? Map.of()
                : known.tierLabels(partners.stream().map(PartnerView::id).toList());
    }
}
