package bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * A realistic partner ecosystem written straight into Canopy's tables with COPY, for benchmarks and demos: partners
 * (a few bring most: partner k is drawn with weight ~ 1/k), two years of clicks on their links, customers with their
 * leads, first payments, renewals, refunds and churn (seven in ten brought by a partner), and deal registrations
 * approved, won (sourced or influenced) and lost. The conversion and customer rollup triggers fire as in production;
 * the click rollups, which the click writer keeps in production (ADR 35), are summed from the clicks once they are
 * all in. Deterministic for a seed; prints a progress bar on stderr.
 */
public final class Ecosystem {

    /** How much to make. */
    public record Size(int partners, long clicks, int customers, int deals, int months) {}

    private static final int CHUNK = 200_000;
    private static final String[] TYPES = {"RESELLER", "REFERRAL", "AFFILIATE", "TECHNOLOGY", "SYSTEM_INTEGRATOR"};
    private static final String[] REGIONS = {"EMEA", "North America", "APAC", "LATAM"};

    private final DataSource data;
    private final UUID workspace;
    private final UUID program;
    private final Instant end;
    private final Size size;
    private final Random random = new Random(2026);
    private final UUID[] partners;
    private final double[] cumulative;
    private long written;
    private long total;

    public Ecosystem(DataSource data, UUID workspace, UUID program, Instant end, Size size) {
        this.data = data;
        this.workspace = workspace;
        this.program = program;
        this.end = end;
        this.size = size;
        this.partners = new UUID[size.partners()];
        this.cumulative = new double[size.partners()];
        double sum = 0;
        for (int k = 0; k < partners.length; k++) {
            partners[k] = UUID.nameUUIDFromBytes(("partner-" + workspace + "-" + k).getBytes());
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }
        for (int k = 0; k < partners.length; k++) {
            cumulative[k] /= sum;
        }
    }

    /** Writes everything; answers how long it took. */
    public Duration generate() throws Exception {
        Instant started = Instant.now();
        total = size.partners() + size.clicks() + 3L * size.customers() + size.deals();
        try (Connection connection = data.getConnection()) {
            connection.setAutoCommit(true);
            PGConnection pg = connection.unwrap(PGConnection.class);
            partners(pg);
            clicks(pg);
            clickRollups(connection);
            customers(pg);
            deals(pg);
        }
        System.err.println();
        return Duration.between(started, Instant.now());
    }

    private void partners(PGConnection pg) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int k = 0; k < partners.length; k++) {
            Instant created = moment();
            rows.append(partners[k]).append('\t').append(workspace).append('\t').append("Partner ").append(k + 1)
                    .append("\t{").append(TYPES[k % TYPES.length]).append("}\t{\"")
                    .append(REGIONS[k % REGIONS.length]).append("\"}\tACTIVE\t").append(created).append('\t')
                    .append(k % 3 == 0 ? "\\N" : moment().toString()).append('\t').append(created).append('\n');
        }
        copy(pg, "partners_partner (id, workspace_id, name, types, regions, status, status_changed_at,"
                + " last_activity_at, created_at)", rows, partners.length);
    }

    private void clicks(PGConnection pg) throws Exception {
        StringBuilder rows = new StringBuilder();
        int inChunk = 0;
        for (long i = 0; i < size.clicks(); i++) {
            UUID partner = partner();
            rows.append(UUID.randomUUID()).append('\t').append(workspace).append('\t').append(link(partner))
                    .append('\t').append(partner).append('\t').append(program).append('\t').append(moment())
                    .append("\tv").append(random.nextInt(5_000_000)).append("\t\\N\tMozilla/5.0\t\\N\t")
                    .append(random.nextInt(20) == 0 ? "gclid" : "\\N").append('\n');
            if (++inChunk == CHUNK) {
                copy(pg, CLICK_COLUMNS, rows, inChunk);
                rows.setLength(0);
                inChunk = 0;
            }
        }
        if (inChunk > 0) {
            copy(pg, CLICK_COLUMNS, rows, inChunk);
        }
    }

    /** What the click writer adds per batch, here for all the clicks at once: days, months, workspace totals. */
    private void clickRollups(Connection connection) throws SQLException {
        String clicks = "from tracking_click where workspace_id = ? group by 1, 2, 3";
        String[] rollups = {
            "insert into tracking_click_day (workspace_id, day, link_id, partner_id, program_id, clicks, paid_ad_clicks)"
                    + " select workspace_id, (clicked_at at time zone 'UTC')::date, link_id, min(partner_id::text)::uuid,"
                    + " min(program_id::text)::uuid, count(*), count(paid_ad) " + clicks,
            "insert into tracking_click_month (workspace_id, month, link_id, partner_id, program_id, clicks,"
                    + " paid_ad_clicks) select workspace_id, date_trunc('month', clicked_at at time zone 'UTC')::date,"
                    + " link_id, min(partner_id::text)::uuid, min(program_id::text)::uuid, count(*), count(paid_ad) "
                    + clicks,
            "insert into tracking_click_total_day (workspace_id, day, program_id, clicks, repeats, bots)"
                    + " select workspace_id, (clicked_at at time zone 'UTC')::date, program_id, count(*), 0, 0 " + clicks
        };
        for (String rollup : rollups) {
            try (PreparedStatement statement = connection.prepareStatement(rollup)) {
                statement.setObject(1, workspace);
                statement.executeUpdate();
            }
        }
    }

    private static final String CLICK_COLUMNS = "tracking_click (id, workspace_id, link_id, partner_id, program_id,"
            + " clicked_at, visitor, ip, user_agent, referrer, paid_ad)";

    private void customers(PGConnection pg) throws Exception {
        StringBuilder customers = new StringBuilder();
        StringBuilder events = new StringBuilder();
        StringBuilder conversions = new StringBuilder();
        int inChunk = 0;
        for (int c = 0; c < size.customers(); c++) {
            UUID id = UUID.randomUUID();
            UUID partner = random.nextInt(10) < 7 ? partner() : null;
            Instant created = moment();
            boolean pays = random.nextInt(10) < 4;
            Instant firstSale = pays ? later(created, 20) : null;
            Instant churned = pays && random.nextInt(4) == 0 ? later(firstSale, 200) : null;
            customers.append(id).append('\t').append(workspace).append("\tcus_").append(c).append("\t")
                    .append(pays ? (churned != null ? "CHURNED" : "CUSTOMER") : "LEAD").append('\t')
                    .append(nullable(partner)).append('\t').append(partner == null ? "\\N" : program.toString())
                    .append('\t').append(created).append('\t').append(nullable(firstSale)).append('\t')
                    .append(nullable(churned)).append('\n');
            conversion(events, conversions, id, partner, "LEAD", null, created, false);
            if (pays) {
                conversion(events, conversions, id, partner, "SALE", amount(), firstSale, true);
            }
            if (++inChunk == CHUNK / 4) {
                flushCustomers(pg, customers, events, conversions, inChunk);
                inChunk = 0;
            }
        }
        if (inChunk > 0) {
            flushCustomers(pg, customers, events, conversions, inChunk);
        }
    }

    private void flushCustomers(
            PGConnection pg, StringBuilder customers, StringBuilder events, StringBuilder conversions, int count)
            throws Exception {
        copy(pg, "tracking_customer (id, workspace_id, external_id, status, partner_id, program_id, created_at,"
                + " first_sale_at, churned_at)", customers, count);
        copy(pg, "tracking_event (id, workspace_id, source, external_id, type, payload, received_at, outcome,"
                + " explanation)", events, count);
        copy(pg, "tracking_conversion (id, workspace_id, customer_id, event_id, kind, partner_id, program_id, amount,"
                + " currency, invoice_id, first_payment, occurred_at, recorded_at)", conversions, count);
        customers.setLength(0);
        events.setLength(0);
        conversions.setLength(0);
    }

    private void conversion(
            StringBuilder events,
            StringBuilder conversions,
            UUID customer,
            UUID partner,
            String kind,
            String amount,
            Instant at,
            boolean first) {
        UUID event = UUID.randomUUID();
        events.append(event).append('\t').append(workspace).append("\tAPI\t").append(event).append('\t')
                .append(kind.toLowerCase()).append("\t{}\t").append(at).append("\tATTRIBUTED\tgenerated\n");
        conversions.append(UUID.randomUUID()).append('\t').append(workspace).append('\t').append(customer)
                .append('\t').append(event).append('\t').append(kind).append('\t').append(nullable(partner))
                .append('\t').append(partner == null ? "\\N" : program.toString()).append('\t')
                .append(amount == null ? "\\N" : amount).append('\t').append(amount == null ? "\\N" : "USD")
                .append('\t').append(amount == null ? "\\N" : "in_" + event).append('\t').append(first).append('\t')
                .append(at).append('\t').append(at).append('\n');
    }

    private void deals(PGConnection pg) throws Exception {
        StringBuilder rows = new StringBuilder();
        String[] outcomes = {"APPROVED", "WON", "LOST", "REJECTED", "PENDING"};
        for (int d = 0; d < size.deals(); d++) {
            Instant submitted = moment();
            String status = outcomes[random.nextInt(outcomes.length)];
            boolean decided = !status.equals("PENDING");
            Instant decidedAt = decided ? later(submitted, 5) : null;
            boolean closed = status.equals("WON") || status.equals("LOST");
            Instant closedAt = closed ? later(decidedAt, 90) : null;
            rows.append(UUID.randomUUID()).append('\t').append(workspace).append('\t').append(partner()).append('\t')
                    .append(program).append("\tAccount ").append(d).append("\taccount ").append(d)
                    .append("\thttps://account").append(d).append(".example\taccount").append(d).append(".example")
                    .append("\tChris\tchris@account").append(d).append(".example\t").append(amount()).append("\tUSD\t")
                    .append("2027-12-31\t").append(status).append("\tQUALIFICATION\t").append(submitted)
                    .append("\tpartner\t").append(later(submitted, 3)).append('\t').append(nullable(decidedAt))
                    .append('\t').append(status.equals("APPROVED") ? later(decidedAt, 90).toString() : "\\N")
                    .append('\t').append(nullable(closedAt)).append('\t')
                    .append(status.equals("WON") ? (random.nextBoolean() ? "SOURCED" : "INFLUENCED") : "\\N")
                    .append('\n');
        }
        copy(pg, "deals_registration (id, workspace_id, partner_id, program_id, account_name, normalized_name, website,"
                + " domain, contact_name, contact_email, amount, currency, expected_close, status, stage, submitted_at,"
                + " submitted_by, review_due_at, decided_at, protected_until, closed_at, sourcing)", rows, size.deals());
    }

    private void copy(PGConnection pg, String target, StringBuilder rows, long count) throws Exception {
        pg.getCopyAPI().copyIn("COPY " + target + " FROM STDIN", new StringReader(rows.toString()));
        written += count;
        int width = 40;
        int done = (int) (width * written / Math.max(total, 1));
        System.err.printf("\r  generating [%s%s] %,d of %,d rows", "#".repeat(done), " ".repeat(width - done),
                written, total);
    }

    private UUID partner() {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return partners[low];
    }

    private static UUID link(UUID partner) {
        return UUID.nameUUIDFromBytes(("link-" + partner).getBytes());
    }

    /** A moment in the {@code months} before the end, more of them lately (the ecosystem grows). */
    private Instant moment() {
        double age = Math.pow(random.nextDouble(), 1.5);
        long span = Duration.ofDays(30L * size.months()).toSeconds();
        return end.minusSeconds((long) (age * span));
    }

    private Instant later(Instant from, int days) {
        Instant at = from.plusSeconds((long) (random.nextDouble() * days * 86_400));
        return at.isAfter(end) ? end : at;
    }

    private String amount() {
        return (50 + random.nextInt(5_000)) + "." + String.format("%02d", random.nextInt(100));
    }

    private static String nullable(Object value) {
        return value == null ? "\\N" : value.toString();
    }
}
