package dev.canopy.commissions.internal;

import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.FraudSettings;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns sources into commissions in one set-based statement, for one event or a million: every active
 * rule of the source's programme whose event, basis and conditions match yields a commission at the
 * tier's rate (or the rule's), converted to the programme's currency at the latest rate on the day,
 * rounded half up at the currency's minor unit, held when a fraud rule says so, and cut by the rule's
 * cap. A source whose currency has no rate yet is skipped and priced again when a rate arrives. The
 * unique index on (source, rule) makes running it again harmless. A bounty matches only the rule it was
 * granted under; a flat amount is paid per unit of the source's quantity (a day's clicks), so a cap
 * cuts a day's clicks as it cuts any other commission.
 */
@Component
public class CommissionEngine {

    /** A programme's currency, its number of decimals and its hold period. */
    public record ProgramFacts(UUID program, String currency, int scale, int holdDays) {}

    /** A partner's registrable domain (self-referral) and why it is held whatever it earns (or null). */
    public record PartnerFacts(UUID partner, String domain, String holdReason) {}

    /*
     * How it stays fast for a million sources (bench/commissions) as for one. PostgreSQL cannot guess how
     * many rules a source matches (it guesses a handful of rows for a million) and joins whatever comes
     * after that guess row by row, so nothing is joined to the sources at all: the day's exchange rates
     * and the partners' facts are maps made once and looked up per row, tier overrides ride along with
     * their rule as arrays, the rules are matched per source from a small set made once (lateral, so the
     * sources are read once however many rules there are), and a customer's start is looked up only for
     * MONTHS rules. The priced rows are not set aside: the capped and ONCE branches read the sources
     * again, only when such rules exist, and before the first row is written (see final).
     */
    private static final String PROGRAMS = """
            prog as (
                select * from unnest(:programIds::uuid[], :programCurrencies::text[], :programScales::int[], :programHoldDays::int[]) as p(program_id, currency, scale, hold_days)
            )
            """;

    private static final String PARTNERS = """
            -- Each partner's domain and hold reason, as one map from partner id to [domain, reason].
            partner as materialized (
                select jsonb_object_agg(f.partner_id::text, jsonb_build_array(f.domain, f.reason)) as facts
                from unnest(:partnerIds::uuid[], :partnerDomains::text[], :partnerReasons::text[]) as f(partner_id, domain, reason)
            )
            """;

    private static final String SOURCES = """
            src as not materialized (
                select s.id, s.workspace_id, s.kind, s.partner_id, s.program_id, s.tier_id, s.customer_id, s.customer_email,
                       s.customer_domain, s.country, s.products, s.amount, s.currency, s.basis, s.first_payment, s.paid_ad,
                       s.rule_id as granted_rule, s.quantity, s.occurred_at, p.currency as prog_currency, p.scale, p.hold_days,
                       (s.occurred_at at time zone 'UTC')::date as day
                from commissions_source s join prog p on p.program_id = s.program_id
                where s.workspace_id = :workspace and s.kind <> 'REFUND' and (:sources::uuid[] is null or s.id = any(:sources::uuid[]))
            )
            """;

    private static final String EXCHANGE_RATES = """
            -- The latest rate on or before each day a foreign-currency source needs, either way round, as one map
            -- from currency, programme currency and day to [rate, effective_on].
            fx as materialized (
                select jsonb_object_agg(k.from_currency || k.to_currency || k.day,
                                        jsonb_build_array(x.rate, x.effective_on)) as rates
                from (select distinct currency as from_currency, prog_currency as to_currency, day from src
                      where currency is not null and currency <> prog_currency) k
                join lateral (
""" + RateTable.LATEST_EITHER_WAY + """
                ) x on true
            )
            """;

    private static final String SOURCED = """
            -- A source with what it needs whatever the rule; one in a currency with no rate yet waits.
            sourced as (
                select s.*, case when s.currency is null or s.currency = s.prog_currency then 1
                                 else (x.hit ->> 0)::numeric end as fx_rate,
                       (x.hit ->> 1)::date as fx_on
                from src s
                cross join fx
                cross join lateral (select case when s.currency <> s.prog_currency
                                                then fx.rates -> (s.currency || s.prog_currency || s.day) end as hit) x
                where s.currency is null or s.currency = s.prog_currency or x.hit is not null
            )
            """;

    private static final String RULES = """
            -- Active rules, each with its tier overrides (ov_tiers[i] earns ov_rates[i] or ov_flats[i]).
            rules as materialized (
                select r.id, r.program_id, r.name, r.event, r.basis, r.rate, r.flat_amount, r.duration, r.duration_months,
                       r.product, r.country, r.tier_id, r.min_amount, r.max_amount, r.cap_amount, r.cap_period,
                       array_agg(ov.tier_id order by ov.tier_id) filter (where ov.rule_id is not null) as ov_tiers,
                       array_agg(ov.rate order by ov.tier_id) filter (where ov.rule_id is not null) as ov_rates,
                       array_agg(ov.flat_amount order by ov.tier_id) filter (where ov.rule_id is not null) as ov_flats
                from commissions_rule r left join commissions_rule_tier ov on ov.rule_id = r.id
                where r.workspace_id = :workspace and r.active
                group by r.id
            )
            """;

    private static final String MATCHING_RULES = """
            matched as (
                select s.id as source_id, s.kind, s.partner_id, s.program_id, s.tier_id, s.customer_id, s.occurred_at,
                       s.prog_currency, s.scale, s.hold_days, s.customer_email, s.customer_domain, s.paid_ad,
                       s.amount as base_amount, s.currency as base_currency, s.quantity,
                       s.fx_rate, s.fx_on, r.id as rule_id, r.name as rule_name, r.basis, r.duration, r.cap_amount,
                       r.cap_period, r.min_amount, r.max_amount,
                       case when s.tier_id = any(r.ov_tiers) then r.ov_rates[array_position(r.ov_tiers, s.tier_id)]
                            else r.rate end as rate,
                       case when s.tier_id = any(r.ov_tiers) then r.ov_flats[array_position(r.ov_tiers, s.tier_id)]
                            else r.flat_amount end as flat
                from sourced s
                join lateral (
                    select * from rules r
                    where r.program_id = s.program_id
                      and case when s.kind = 'SALE'
                               then r.event = 'RECURRING_PAYMENT' or (r.event = 'FIRST_PAYMENT' and s.first_payment)
                               when s.kind = 'BOUNTY' then r.id = s.granted_rule
                               else r.event = s.kind end
                      and (r.basis = 'FLAT' or r.basis = s.basis)
                      and (r.product is null or r.product = any(s.products))
                      and (r.country is null or r.country = s.country)
                      and (r.tier_id is null or r.tier_id = s.tier_id)
                    offset 0
                ) r on true
                -- MONTHS sale rules count from the customer's first payment, looked up for those rows only.
                where r.duration <> 'MONTHS' or s.kind <> 'SALE'
                   or s.occurred_at < (select cs.first_paid_at from commissions_customer_start cs
                                       where cs.workspace_id = s.workspace_id and cs.program_id = s.program_id
                                         and cs.customer_id = s.customer_id)
                                      + make_interval(months => r.duration_months)
            )
            """;

    private static final String IN_RANGE = """
            in_range as not materialized (
                select * from (
                    select m.*,
                           case when m.flat is not null then m.flat * m.quantity
                                else round(m.base_amount * m.fx_rate * m.rate / 100, m.scale) end as raw,
                           m.base_amount * m.fx_rate as base_in_programme
                    from matched m
                ) a
                where (a.min_amount is null or a.base_in_programme >= a.min_amount)
                  and (a.max_amount is null or a.base_in_programme <= a.max_amount)
            )
            """;

    private static final String ONCE = """
            -- ONCE sale rules: nothing when the customer earned under the rule before, else only its earliest
            -- payment in this batch. The look back is made per row (a subplan, not a join): it reads the customer's
            -- few sources by commissions_source_by_customer, then their commissions, however many the rule has.
            once as (
                select * from (
                    select i.*, row_number() over (partition by i.rule_id, i.customer_id
                                                   order by i.occurred_at, i.source_id) as nth
                    from in_range i
                    where i.duration = 'ONCE' and i.kind = 'SALE'
                      and (select not exists (
                          select 1 from commissions_commission c join commissions_source o on o.id = c.source_id
                          where c.rule_id = i.rule_id and c.kind = 'EARNED' and o.customer_id = i.customer_id))
                      and exists (select 1 from rules where duration = 'ONCE')
                ) numbered where nth = 1
            )
            """;

    private static final String CAPS = """
            -- Capped rules: what the partner already earned under the rule in the period, then this batch in order.
            capped as (
                select c.*, greatest(0, least(c.raw, c.cap_amount - coalesce(prior.total, 0) - coalesce(sum(c.raw) over (
                           partition by c.partner_id, c.rule_id, c.period order by c.occurred_at, c.source_id
                           rows between unbounded preceding and 1 preceding), 0))) as amount
                from (select ch.*, date_trunc(lower(ch.cap_period), ch.occurred_at at time zone 'UTC') as period
                      from (select source_id, kind, partner_id, program_id, tier_id, occurred_at, prog_currency, hold_days,
                                   customer_email, customer_domain, paid_ad, base_amount,
                                   base_currency, rule_id, rule_name, basis, cap_amount, cap_period, rate, fx_rate, fx_on, raw
                            from in_range
                            where not (duration = 'ONCE' and kind = 'SALE') and cap_amount is not null
                              and exists (select 1 from rules where cap_amount is not null)
                            union all
                            select source_id, kind, partner_id, program_id, tier_id, occurred_at, prog_currency, hold_days,
                                   customer_email, customer_domain, paid_ad, base_amount,
                                   base_currency, rule_id, rule_name, basis, cap_amount, cap_period, rate, fx_rate, fx_on, raw
                            from once where cap_amount is not null) ch) c
                left join lateral (
                    select sum(e.amount) as total from commissions_commission e
                    where e.rule_id = c.rule_id and e.partner_id = c.partner_id and e.kind = 'EARNED'
                      and e.status not in ('DECLINED', 'REVERSED')
                      and date_trunc(lower(c.cap_period), e.occurred_at at time zone 'UTC') = c.period
                ) prior on true
            )
            """;

    private static final String FINAL = """
            -- Capped and ONCE rows first: their look-backs read commissions_commission, and must do so before this
            -- statement writes a row there (unseen, its rows would still be in every look-back's way).
            final as (
                select source_id, kind, partner_id, program_id, tier_id, occurred_at, prog_currency, hold_days,
                       customer_email, customer_domain, paid_ad, base_amount, base_currency,
                       rule_id, rule_name, basis, rate, fx_rate, fx_on, amount,
                       case when amount <> raw then raw end as capped_from
                from capped
                union all
                select source_id, kind, partner_id, program_id, tier_id, occurred_at, prog_currency, hold_days,
                       customer_email, customer_domain, paid_ad, base_amount, base_currency,
                       rule_id, rule_name, basis, rate, fx_rate, fx_on, raw, null::numeric
                from once where cap_amount is null
                union all
                select source_id, kind, partner_id, program_id, tier_id, occurred_at, prog_currency, hold_days,
                       customer_email, customer_domain, paid_ad, base_amount, base_currency,
                       rule_id, rule_name, basis, rate, fx_rate, fx_on, raw, null::numeric
                from in_range where not (duration = 'ONCE' and kind = 'SALE') and cap_amount is null
            )
            """;

    /** Fraud rule: the customer's email or website is on the partner's own registrable domain. */
    private static final String SELF_REFERRAL = """
            case when :selfReferral and pf.domain is not null
                      and (f.customer_domain = pf.domain or split_part(f.customer_email, '@', 2) = pf.domain)
                 then 'Self-referral: the customer''s domain is the partner''s own (' || pf.domain || ')' end""";

    /** Fraud rule: the click that attributed the customer carried a paid-ads click id (gclid, fbclid, …). */
    private static final String PAID_ADS = """
            case when :paidAds and f.paid_ad is not null
                 then 'Paid-ads click id on the click (' || f.paid_ad || ')' end""";

    /**
     * Why each commission is held for review: the per-commission fraud rules above, and the partner's own
     * reason (duplicate payout details, refund rate: {@link PartnerFraudFacts}).
     */
    private static final String FRAUD_REASONS = """
            reasoned as (
                select f.*, array_remove(array[%s, %s, pf.reason], null) as reasons
                from final f
                cross join partner
                cross join lateral (select partner.facts -> f.partner_id::text ->> 0 as domain,
                                           partner.facts -> f.partner_id::text ->> 1 as reason) pf
            )
            """.formatted(SELF_REFERRAL, PAID_ADS);

    /** The statement: the named parts above as one WITH, inserting what they price. */
    private static final String PRICE = "with "
            + String.join(
                    ",\n",
                    PROGRAMS,
                    PARTNERS,
                    SOURCES,
                    EXCHANGE_RATES,
                    SOURCED,
                    RULES,
                    MATCHING_RULES,
                    IN_RANGE,
                    ONCE,
                    CAPS,
                    FINAL,
                    FRAUD_REASONS)
            + """
            insert into commissions_commission (id, workspace_id, partner_id, program_id, source_id, rule_id, kind, status,
                amount, currency, base_amount, base_currency, rate, fx_rate, fx_on, capped_from, tier_id, rule_name, basis,
                payable, hold_until, hold_reasons, occurred_at, created_at)
            select gen_random_uuid(), :workspace, r.partner_id, r.program_id, r.source_id, r.rule_id, 'EARNED',
                   case when r.basis = 'LIST_PRICE' then 'RECORDED'
                        when cardinality(r.reasons) > 0 then 'HELD' else 'PENDING' end,
                   r.amount, r.prog_currency, r.base_amount, r.base_currency, r.rate,
                   case when r.base_currency is null then null else r.fx_rate end, r.fx_on, r.capped_from, r.tier_id,
                   r.rule_name, r.basis, r.basis <> 'LIST_PRICE', r.occurred_at + make_interval(days => r.hold_days),
                   r.reasons, r.occurred_at, :now
            from reasoned r
            on conflict (source_id, rule_id) where kind = 'EARNED' do nothing
            returning id, partner_id, program_id, status, amount, currency, occurred_at
            """;

    private final JdbcClient db;

    CommissionEngine(JdbcClient db) {
        this.db = db;
    }

    /** A commission the engine made. */
    public record Made(
            UUID id, PartnerId partner, ProgramId program, CommissionStatus status, Money amount, Instant occurredAt) {}

    /** Prices the given sources (all of the workspace's when {@code sources} is null); answers what it made. */
    public List<Made> price(
            WorkspaceId workspace,
            List<ProgramFacts> programs,
            List<PartnerFacts> partners,
            FraudSettings fraud,
            Collection<UUID> sources,
            Instant now) {
        UUID[] ids = sources == null ? null : sources.toArray(UUID[]::new);
        recordCustomerStarts(workspace, ids);
        return db.sql(PRICE)
                .param(
                        "programIds",
                        programs.stream().map(ProgramFacts::program).toArray(UUID[]::new))
                .param(
                        "programCurrencies",
                        programs.stream().map(ProgramFacts::currency).toArray(String[]::new))
                .param(
                        "programScales",
                        programs.stream().map(ProgramFacts::scale).toArray(Integer[]::new))
                .param(
                        "programHoldDays",
                        programs.stream().map(ProgramFacts::holdDays).toArray(Integer[]::new))
                .param(
                        "partnerIds",
                        partners.stream().map(PartnerFacts::partner).toArray(UUID[]::new))
                .param(
                        "partnerDomains",
                        partners.stream().map(PartnerFacts::domain).toArray(String[]::new))
                .param(
                        "partnerReasons",
                        partners.stream().map(PartnerFacts::holdReason).toArray(String[]::new))
                .param("workspace", workspace.value())
                .param("sources", ids)
                .param("selfReferral", fraud.selfReferral())
                .param("paidAds", fraud.paidAds())
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Made(
                        rs.getObject("id", UUID.class),
                        new PartnerId(rs.getObject("partner_id", UUID.class)),
                        new ProgramId(rs.getObject("program_id", UUID.class)),
                        CommissionStatus.valueOf(rs.getString("status")),
                        Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    /** A customer's first payment per programme starts the months of its recurring rules. */
    private void recordCustomerStarts(WorkspaceId workspace, UUID[] ids) {
        db.sql("""
                        insert into commissions_customer_start (workspace_id, program_id, customer_id, first_paid_at)
                        select workspace_id, program_id, customer_id, min(occurred_at) from commissions_source
                        where workspace_id = ? and kind = 'SALE' and customer_id is not null
                          and (?::uuid[] is null or id = any(?::uuid[]))
                        group by workspace_id, program_id, customer_id
                        on conflict (workspace_id, program_id, customer_id)
                        do update set first_paid_at = least(commissions_customer_start.first_paid_at, excluded.first_paid_at)
                        """).params(workspace.value(), ids, ids).update();
    }
}
