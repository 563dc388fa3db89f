package dev.canopy.communications;

import dev.canopy.communications.internal.AnnouncementReadTable;
import dev.canopy.enablement.Audience;
import dev.canopy.enablement.Audiences;
import dev.canopy.identity.PartnerAccess;
import dev.canopy.identity.PartnerUserView;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.platform.CurrentWorkspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read receipts for staff: of the partner users (joined) of the partners an announcement's segment admits now, who
 * opened it, partner by partner. A reader whose company has since left the segment still counts in the totals, so
 * that "read" never drops.
 */
@Service
public class AnnouncementReceipts {

    private final Announcements announcements;
    private final AnnouncementReadTable reads;
    private final Audiences audiences;
    private final PartnerAccess partnerAccess;
    private final CurrentWorkspace currentWorkspace;

    AnnouncementReceipts(
            Announcements announcements,
            AnnouncementReadTable reads,
            Audiences audiences,
            PartnerAccess partnerAccess,
            CurrentWorkspace currentWorkspace) {
        this.announcements = announcements;
        this.reads = reads;
        this.audiences = audiences;
        this.partnerAccess = partnerAccess;
        this.currentWorkspace = currentWorkspace;
    }

    @Transactional(readOnly = true)
    public ReadReceipts receipts(UUID id) {
        return receipts(announcements.get(id), new HashMap<>());
    }

    /** The receipts of each announcement listed, by its id; partners' users are read once for all. */
    @Transactional(readOnly = true)
    public Map<UUID, ReadReceipts> receipts(List<AnnouncementView> listed) {
        Map<PartnerId, List<PartnerUserView>> users = new HashMap<>();
        Map<UUID, ReadReceipts> receipts = new LinkedHashMap<>();
        for (AnnouncementView announcement : listed) {
            receipts.put(announcement.id(), receipts(announcement, users));
        }
        return receipts;
    }

    private ReadReceipts receipts(AnnouncementView announcement, Map<PartnerId, List<PartnerUserView>> users) {
        Audience audience = announcement.audience();
        Map<UUID, AnnouncementReadTable.Receipt> read =
                reads.receipts(currentWorkspace.id(), announcement.id()).stream()
                        .collect(Collectors.toMap(AnnouncementReadTable.Receipt::partnerUserId, r -> r));
        List<ReadReceipts.PartnerReceipts> partners = new ArrayList<>();
        long of = 0;
        long counted = 0;
        for (PartnerView partner : audiences.admitted(audience)) {
            List<PartnerUserView> joined =
                    users.computeIfAbsent(partner.id(), p -> partnerAccess.users(p.value())).stream()
                            .filter(PartnerUserView::joined)
                            .toList();
            List<ReadReceipts.Reader> readers = new ArrayList<>();
            for (PartnerUserView user : joined) {
                AnnouncementReadTable.Receipt receipt = read.get(user.id());
                if (receipt != null) {
                    readers.add(new ReadReceipts.Reader(user.id(), user.displayName(), receipt.readAt()));
                }
            }
            of += joined.size();
            counted += readers.size();
            partners.add(new ReadReceipts.PartnerReceipts(
                    partner.id().value(), partner.name(), joined.size(), sorted(readers)));
        }
        long readers = Math.max(counted, read.size());
        return new ReadReceipts(announcement.id(), readers, of + (readers - counted), partners);
    }

    private static List<ReadReceipts.Reader> sorted(List<ReadReceipts.Reader> readers) {
        return readers.stream()
                .sorted(Comparator.comparing(ReadReceipts.Reader::readAt))
                .toList();
    }
}
