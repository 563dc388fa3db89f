package dev.canopy.tracking;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.internal.ClickTable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Valid clicks counted per partner, programme and day, for commissions paid per click: people, not bots
 * (their user agents are checked again), and a visitor's repeat on a link within the hour counted once.
 */
@Service
public class ClickCounts {

    /** A partner's valid clicks on its links of one programme on one day. */
    public record DailyClicks(PartnerId partner, ProgramId program, LocalDate day, long clicks) {}

    private final ClickTable clicks;

    ClickCounts(ClickTable clicks) {
        this.clicks = clicks;
    }

    /** The days from {@code from} up to {@code to} (excluded) are the workspace's, in {@code zone}. */
    @Transactional(readOnly = true)
    public List<DailyClicks> daily(
            WorkspaceId workspace, Collection<ProgramId> programs, LocalDate from, LocalDate to, ZoneId zone) {
        if (programs.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        return clicks
                .dailyValid(
                        workspace,
                        programs.stream().map(ProgramId::value).toList(),
                        from.atStartOfDay(zone).toInstant(),
                        to.atStartOfDay(zone).toInstant(),
                        zone)
                .stream()
                .map(c -> new DailyClicks(
                        new PartnerId(c.partnerId()), new ProgramId(c.programId()), c.day(), c.clicks()))
                .toList();
    }
}
