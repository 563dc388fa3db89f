package dev.canopy.enablement.internal;

import dev.canopy.enablement.AssetView;
import dev.canopy.identity.Branding;
import dev.canopy.identity.PartnerAccess;
import dev.canopy.identity.PartnerUserView;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.Mailer;
import dev.canopy.platform.OutgoingMail;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.WorkspaceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Tells the people who downloaded an earlier version of a file that a new one replaced it, by email after the
 * change commits: a price list or a deck they may be sending on is out of date. People since removed from their
 * company are not written to.
 */
@Component
public class VersionNotices {

    private final UsageTable usage;
    private final PartnerAccess partnerAccess;
    private final Branding branding;
    private final Mailer mailer;
    private final BaseUrl baseUrl;

    VersionNotices(UsageTable usage, PartnerAccess partnerAccess, Branding branding, Mailer mailer, BaseUrl baseUrl) {
        this.usage = usage;
        this.partnerAccess = partnerAccess;
        this.branding = branding;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
    }

    /** To everyone who downloaded a version of {@code asset} older than its current one; how many were written to. */
    public int newVersion(WorkspaceId workspace, AssetView asset) {
        Map<dev.canopy.partners.PartnerId, List<UUID>> downloaders =
                usage.downloadedBefore(workspace, asset.id(), asset.file().version()).stream()
                        .collect(Collectors.groupingBy(
                                UsageTable.Downloader::partner,
                                Collectors.mapping(UsageTable.Downloader::person, Collectors.toList())));
        int sent = 0;
        for (var partner : downloaders.entrySet()) {
            for (PartnerUserView user : partnerAccess.users(partner.getKey().value())) {
                if (partner.getValue().contains(user.id())) {
                    Map<String, Object> model = new HashMap<>(branding.forMail(workspace));
                    model.put("name", user.displayName());
                    model.put("title", asset.title());
                    model.put("version", asset.file().version());
                    model.put("link", baseUrl.link("/portal/content/" + asset.id()));
                    mailer.sendAfterCommit(new OutgoingMail(
                            new EmailAddress(user.email()),
                            "New version: " + asset.title(),
                            "content-updated",
                            model,
                            Set.of(workspace)));
                    sent++;
                }
            }
        }
        return sent;
    }
}
