package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One partnership's account mapping as one side sees it: its own list always; of the other side's, exactly
 * what the lower of the two sharing levels allows — counts ({@code null} below {@link SharingLevel#COUNTS}),
 * the overlapping accounts and the co-sell list (empty below {@link SharingLevel#OVERLAPS}), the whole list
 * (empty below {@link SharingLevel#FULL}).
 */
public record AccountMappingView(
        PartnerId partnerId,
        String partnerName,
        SharingLevel myLevel,
        SharingLevel theirLevel,
        SharingLevel effectiveLevel,
        List<MappedAccount> mine,
        @Nullable Integer theirCount,
        @Nullable Integer overlapCount,
        @Nullable Integer coSellCount,
        List<AccountOverlap> overlaps,
        List<AccountOverlap> coSell,
        List<MappedAccount> theirs) {}
