package dev.canopy.payouts.internal;

import dev.canopy.identity.Workspaces;
import dev.canopy.payouts.PayoutRuns;
import dev.canopy.platform.AsSystem;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Monthly runs, NET-N: once a month has ended and N days have passed, the month's run is started with
 * the month's end as its cutoff. Every node tries every hour; the unique period of a run makes one.
 */
@Component
public class PayoutSchedule {

    private static final Logger log = LoggerFactory.getLogger(PayoutSchedule.class);

    private final PayoutSettingsTable settings;
    private final PayoutRuns runs;
    private final Workspaces workspaces;
    private final Clock clock;

    PayoutSchedule(PayoutSettingsTable settings, PayoutRuns runs, Workspaces workspaces, Clock clock) {
        this.settings = settings;
        this.runs = runs;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    @Scheduled(cron = "${canopy.payouts.schedule-cron:0 5 * * * *}", zone = "UTC")
    void hourly() {
        runDue();
    }

    /** The day {@code month}'s run starts: {@code netDays} after the month has ended. */
    public static LocalDate dueOn(YearMonth month, int netDays) {
        return month.plusMonths(1).atDay(1).plusDays(netDays);
    }

    /** The first day on or after {@code today} that a month's run starts. */
    public static LocalDate nextRunOn(LocalDate today, int netDays) {
        // With at most 60 NET days, the run due next is of one of the last three months or of this one.
        YearMonth month = YearMonth.from(today).minusMonths(3);
        while (dueOn(month, netDays).isBefore(today)) {
            month = month.plusMonths(1);
        }
        return dueOn(month, netDays);
    }

    /** Starts the runs that are due; answers how many workspaces had one due. */
    public int runDue() {
        int due = 0;
        for (WorkspaceId workspace : settings.scheduled()) {
            try {
                ZoneId zone = workspaces
                        .byId(workspace)
                        .map(w -> ZoneId.of(w.timezone()))
                        .orElse(ZoneId.of("UTC"));
                Instant now = clock.instant();
                YearMonth last = YearMonth.from(LocalDate.ofInstant(now, zone)).minusMonths(1);
                if (LocalDate.ofInstant(now, zone)
                        .isBefore(dueOn(last, settings.get(workspace).netDays()))) {
                    continue;
                }
                Instant cutoff = last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
                due++;
                AsSystem.in(workspace, () -> runs.startScheduled(workspace, last.toString(), cutoff));
            } catch (RuntimeException e) {
                log.error("Scheduled payout run of workspace {} failed", workspace.value(), e);
            }
        }
        return due;
    }
}
