package dev.canopy.tracking.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the raw click table's monthly partitions (V36): the next months' are made ahead, so that clicks never
 * fall into the default partition, and months older than the retention are detached and dropped — the daily
 * rollups keep their counts. Every node runs it daily; an advisory lock lets one at a time do the work.
 */
@Component
public class ClickPartitions {

    private static final Logger log = LoggerFactory.getLogger(ClickPartitions.class);
    private static final Pattern MONTHLY = Pattern.compile("tracking_click_(\\d{4})_(\\d{2})");
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");
    private static final int MONTHS_AHEAD = 2;
    private static final long LOCK = 0x436c69636b50L; // "ClickP": one key for this job across nodes

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int retentionMonths;

    ClickPartitions(
            JdbcClient db,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${canopy.tracking.click-retention-months:25}") int retentionMonths) {
        if (retentionMonths < 1) {
            throw new IllegalArgumentException("canopy.tracking.click-retention-months must be at least 1");
        }
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
        this.retentionMonths = retentionMonths;
    }

    @Scheduled(cron = "${canopy.tracking.click-partitions-cron:0 17 3 * * *}", zone = "UTC")
    void maintain() {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        transactions.executeWithoutResult(status -> {
            if (Boolean.TRUE.equals(db.sql("select pg_try_advisory_xact_lock(?)")
                    .param(LOCK)
                    .query(Boolean.class)
                    .single())) {
                makeAhead(now);
                dropBefore(now.minusMonths(retentionMonths));
            }
        });
    }

    /** Makes the partitions of {@code from} and the months after it, up to {@code MONTHS_AHEAD}, that are missing. */
    public List<YearMonth> makeAhead(YearMonth from) {
        List<YearMonth> existing = months();
        List<YearMonth> made = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(from.plusMonths(MONTHS_AHEAD)); month = month.plusMonths(1)) {
            if (!existing.contains(month)) {
                db.sql("create table " + name(month) + " partition of tracking_click for values from ('"
                                + month.atDay(1) + " 00:00:00+00') to ('"
                                + month.plusMonths(1).atDay(1)
                                + " 00:00:00+00')")
                        .update();
                made.add(month);
            }
        }
        return made;
    }

    /** Detaches and drops every month's partition before {@code cutoff}: their clicks are gone, the rollups stay. */
    public List<YearMonth> dropBefore(YearMonth cutoff) {
        List<YearMonth> dropped = new ArrayList<>();
        for (YearMonth month : months()) {
            if (month.isBefore(cutoff)) {
                db.sql("alter table tracking_click detach partition " + name(month))
                        .update();
                db.sql("drop table " + name(month)).update();
                dropped.add(month);
            }
        }
        if (!dropped.isEmpty()) {
            log.info("Dropped the raw clicks of {} (older than the retention)", dropped);
        }
        return dropped;
    }

    /** The months that have a partition of their own. */
    public List<YearMonth> months() {
        return db.sql("""
                        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                        where i.inhparent = 'tracking_click'::regclass order by c.relname
                        """).query(String.class).list().stream()
                .map(MONTHLY::matcher)
                .filter(Matcher::matches)
                .map(m -> YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                .toList();
    }

    private static String name(YearMonth month) {
        return "tracking_click_" + month.format(SUFFIX);
    }
}
