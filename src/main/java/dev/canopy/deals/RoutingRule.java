package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lead routing rule, tried in {@code position} order: leads from {@code region} (null: any) go to active
 * partners of {@code partnerType} (null: any) at tier {@code tierId} (null: any), each partner's share in
 * proportion to its weight (1 unless set; 0 takes none).
 */
public record RoutingRule(
        UUID id,
        String name,
        int position,
        @Nullable String region,
        @Nullable PartnerType partnerType,
        @Nullable String tierId,
        @Nullable String tierLabel,
        Map<PartnerId, Integer> weights) {}
