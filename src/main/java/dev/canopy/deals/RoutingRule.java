package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import java.util.Map;
import java.util.UUID;

/**
 * A lead routing rule, tried in {@code position} order: leads from {@code region} (null: any) go to active
 * partners of {@code partnerType} (null: any) at tier {@code tierId} (null: any), each partner's share in
 * proportion to its weight (1 unless set; 0 takes none).
 */
public record RoutingRule(
        UUID id,
        String name,
        int position,
        String region,
        PartnerType partnerType,
        String tierId,
        String tierLabel,
        Map<PartnerId, Integer> weights) {}
