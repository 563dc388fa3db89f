package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.partners.PartnerId;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.internal.Click;
import dev.canopy.tracking.internal.ClickTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * After any sequence of writes — click batches for random days in random order (late ones included), batches
 * sent twice (a retry whose first attempt was committed), leads, sales in three currencies, refunds arriving
 * before their sale, events delivered twice, some attributed and some not — the daily rollups equal the
 * aggregate of the raw rows, row for row. Each seed is one reproducible random sequence; a failure names it.
 */
@CanopyTest
class RollupsEqualTheRawAggregate {

    private static final java.time.Instant EIGHTEENTH = java.time.Instant.parse("2026-11-18T10:00:00Z");

    private static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY");

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    ClickTable clicks;

    @Autowired
    JdbcClient db;

    /** The figures are worked out for 18 November 2026, whatever day the suite runs as of. */
    @BeforeEach
    void onTheEighteenthOfNovember() {
        clock.setTo(EIGHTEENTH);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void anySequenceOfWritesLeavesRollupsEqualToTheRawRows(long seed) throws Exception {
        Random random = new Random(seed);
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setup();
        List<PartnerId> partners = new ArrayList<>(List.of(setup.partner()));
        List<UUID> links = new ArrayList<>(List.of(setup.link().id().value()));
        for (int i = 0; i < 2; i++) {
            PartnerId p = tracking.partner(setup.tenant(), setup.program(), "P" + Fixtures.unique("p"));
            links.add(tracking.link(setup.tenant(), p, setup.program(), "https://www." + TrackingFixtures.SHOP + "/")
                    .id()
                    .value());
            partners.add(p);
        }
        List<String> refs = partners.stream().map(this::ref).toList();
        List<String> sentEvents = new ArrayList<>();
        List<String[]> invoices = new ArrayList<>();
        List<String[]> waiting = new ArrayList<>();

        for (int step = 0; step < 40; step++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    List<Click> batch = clickBatch(random, setup, partners, links);
                    clicks.insert(batch);
                    if (random.nextInt(4) == 0) {
                        clicks.insert(batch); // a retry of a committed batch: stored once
                    }
                }
                case 2 ->
                    sentEvents.add(send(
                            setup,
                            "lead",
                            "{\"id\":\"" + id(random) + "\",\"customerExternalId\":\"c" + random.nextInt(30) + "\""
                                    + ref(random, refs) + ",\"occurredAt\":\"" + at(random) + "\"}"));
                case 3 -> {
                    // Now and then the sale a refund has been waiting for: the refund is applied (an update).
                    boolean awaited = !waiting.isEmpty() && random.nextBoolean();
                    String invoice = awaited ? waiting.remove(0)[0] : "i" + id(random);
                    String currency = awaited ? "USD" : CURRENCIES.get(random.nextInt(CURRENCIES.size()));
                    String amount = currency.equals("JPY")
                            ? "" + (1 + random.nextInt(90_000))
                            : (1 + random.nextInt(900)) + "." + String.format("%02d", random.nextInt(100));
                    invoices.add(new String[] {invoice, currency, amount});
                    sentEvents.add(send(
                            setup,
                            "sale",
                            "{\"id\":\"" + id(random) + "\",\"customerExternalId\":\"c"
                                    + random.nextInt(30) + "\"" + ref(random, refs) + ",\"invoiceId\":\"" + invoice
                                    + "\",\"amount\":\"" + amount + "\",\"currency\":\"" + currency
                                    + "\",\"occurredAt\":\""
                                    + at(random) + "\"}"));
                }
                case 4 -> {
                    // A refund of a known invoice, or of one whose sale comes later (it waits, then applies).
                    boolean early = invoices.isEmpty() || random.nextBoolean();
                    String[] invoice = early
                            ? new String[] {"i" + id(random), "USD", "10.00"}
                            : invoices.get(random.nextInt(invoices.size()));
                    if (early) {
                        waiting.add(invoice);
                    }
                    String refund = invoice[1].equals("JPY") ? "1" : "1.00";
                    sentEvents.add(send(
                            setup,
                            "refund",
                            "{\"id\":\"" + id(random) + "\",\"invoiceId\":\"" + invoice[0]
                                    + "\",\"amount\":\"" + refund + "\",\"currency\":\"" + invoice[1]
                                    + "\",\"occurredAt\":\""
                                    + at(random) + "\"}"));
                }
                default -> {
                    if (!sentEvents.isEmpty()) {
                        String[] again = sentEvents
                                .get(random.nextInt(sentEvents.size()))
                                .split("\n", 2);
                        send(setup, again[0], again[1]); // a redelivery: a no-op
                    }
                }
            }
        }

        assertThat(clickRollup(setup, "tracking_click_day", "day"))
                .as("clicks, seed %d", seed)
                .isEqualTo(clickAggregate(setup, "(clicked_at at time zone 'UTC')::date"));
        assertThat(clickRollup(setup, "tracking_click_month", "month"))
                .as("clicks by month, seed %d", seed)
                .isEqualTo(clickAggregate(setup, "date_trunc('month', clicked_at at time zone 'UTC')::date"));
        assertThat(conversionRollup(setup)).as("conversions, seed %d", seed).isEqualTo(conversionAggregate(setup));
        assertThat(lines(setup, """
                        select concat_ws(' ', month, partner_id, program_id, kind, currency, conversions, first_payments,
                                         amount)
                        from tracking_conversion_month where workspace_id = ? and conversions <> 0 order by 1
                        """)).as("conversions by month, seed %d", seed).isEqualTo(lines(setup, """
                        select concat_ws(' ', date_trunc('month', occurred_at at time zone 'UTC')::date, partner_id,
                                         program_id, kind, currency, count(*), count(*) filter (where first_payment),
                                         coalesce(sum(amount), 0)::numeric(19, 4))
                        from tracking_conversion where workspace_id = ? and applied
                        group by date_trunc('month', occurred_at at time zone 'UTC')::date, partner_id, program_id,
                                 kind, currency
                        order by 1
                        """));
        assertThat(lines(
                        setup,
                        "select day || ' ' || program_id || ' ' || clicks from tracking_click_total_day"
                                + " where workspace_id = ? order by 1"))
                .as("the workspace's clicks per day, seed %d", seed)
                .isEqualTo(lines(
                        setup,
                        "select (clicked_at at time zone 'UTC')::date || ' ' || program_id || ' ' || count(*)"
                                + " from tracking_click where workspace_id = ?"
                                + " group by (clicked_at at time zone 'UTC')::date, program_id order by 1"));
        assertThat(lines(setup, """
                        select concat_ws(' ', day, program_id, attributed, kind, currency, conversions, first_payments,
                                         amount)
                        from tracking_conversion_total_day where workspace_id = ? and conversions <> 0 order by 1
                        """))
                .as("the workspace's conversions per day, seed %d", seed)
                .isEqualTo(lines(setup, """
                        select concat_ws(' ', (occurred_at at time zone 'UTC')::date, program_id,
                                         partner_id is not null, kind, currency, count(*),
                                         count(*) filter (where first_payment), coalesce(sum(amount), 0)::numeric(19, 4))
                        from tracking_conversion where workspace_id = ? and applied
                        group by (occurred_at at time zone 'UTC')::date, program_id, partner_id is not null, kind,
                                 currency
                        order by 1
                        """));
    }

    /** A click rollup's rows, each as one line: {@code period} is its day or month column. */
    private List<String> clickRollup(TrackingFixtures.Setup setup, String table, String period) {
        return lines(
                setup,
                "select " + period + " || ' ' || link_id || ' ' || partner_id || ' ' || program_id || ' ' || clicks"
                        + " || ' ' || paid_ad_clicks from " + table + " where workspace_id = ? order by 1");
    }

    /** The raw clicks grouped as a rollup groups them: {@code period} gives a click's day or month. */
    private List<String> clickAggregate(TrackingFixtures.Setup setup, String period) {
        return lines(
                setup,
                "select " + period + " || ' ' || link_id || ' ' || partner_id || ' ' || program_id || ' ' || count(*)"
                        + " || ' ' || count(paid_ad) from tracking_click where workspace_id = ?"
                        + " group by " + period + ", link_id, partner_id, program_id order by 1");
    }

    private List<String> lines(TrackingFixtures.Setup setup, String sql) {
        return db.sql(sql)
                .param(setup.tenant().id().value())
                .query(String.class)
                .list();
    }

    private List<String> conversionRollup(TrackingFixtures.Setup setup) {
        return db.sql("""
                        select concat_ws(' ', day, partner_id, program_id, kind, currency, conversions, first_payments,
                                         amount)
                        from tracking_conversion_day where workspace_id = ? and conversions <> 0 order by 1
                        """)
                .param(setup.tenant().id().value())
                .query(String.class)
                .list();
    }

    private List<String> conversionAggregate(TrackingFixtures.Setup setup) {
        return db.sql("""
                        select concat_ws(' ', (occurred_at at time zone 'UTC')::date, partner_id, program_id, kind,
                                         currency, count(*), count(*) filter (where first_payment),
                                         coalesce(sum(amount), 0)::numeric(19, 4))
                        from tracking_conversion where workspace_id = ? and applied
                        group by (occurred_at at time zone 'UTC')::date, partner_id, program_id, kind, currency
                        order by 1
                        """)
                .param(setup.tenant().id().value())
                .query(String.class)
                .list();
    }

    /** Clicks on the partners' links ({@code links} in the order of {@code partners}: a link is one partner's). */
    private static List<Click> clickBatch(
            Random random, TrackingFixtures.Setup setup, List<PartnerId> partners, List<UUID> links) {
        List<Click> batch = new ArrayList<>();
        int size = 1 + random.nextInt(30);
        for (int i = 0; i < size; i++) {
            int owner = random.nextInt(partners.size());
            batch.add(new Click(
                    UUID.randomUUID(),
                    setup.tenant().id(),
                    links.get(owner),
                    partners.get(owner).value(),
                    setup.program().id().value(),
                    Instant.parse(at(random)),
                    "v" + random.nextInt(20),
                    "203.0.113.9",
                    "Mozilla/5.0 Firefox/140.0",
                    null,
                    random.nextInt(5) == 0 ? "gclid-" + random.nextInt(100) : null));
        }
        return batch;
    }

    /** A moment in the 40 days before now, any second of the day: days come in any order. */
    private static String at(Random random) {
        return NOW.minus(Duration.ofSeconds(random.nextLong(40L * 24 * 3600))).toString();
    }

    private static String id(Random random) {
        return Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    }

    private static String ref(Random random, List<String> refs) {
        int pick = random.nextInt(refs.size() + 1);
        return pick == refs.size() ? "" : ",\"partnerRef\":\"" + refs.get(pick) + "\"";
    }

    private String ref(PartnerId partner) {
        return db.sql("select ref from tracking_partner_ref where partner_id = ? limit 1")
                .param(partner.value())
                .query(String.class)
                .single();
    }

    /** Sends one event; answers "kind\nbody", what a redelivery sends again. */
    private String send(TrackingFixtures.Setup setup, String kind, String json) throws Exception {
        mvc.perform(post("/api/v1/events/" + kind)
                        .header("Authorization", "Bearer " + setup.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().is2xxSuccessful());
        return kind + "\n" + json;
    }
}
