package dev.canopy.communications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who read an announcement: of the partner users in its segment now, how many opened it, partner by partner
 * ({@code readers} named, {@code users} counted).
 */
public record ReadReceipts(UUID announcement, long read, long of, List<PartnerReceipts> partners) {

    public record PartnerReceipts(UUID partnerId, String partnerName, int users, List<Reader> readers) {}

    public record Reader(UUID partnerUserId, String name, Instant readAt) {}
}
