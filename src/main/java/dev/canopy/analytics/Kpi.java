package dev.canopy.analytics;

/** A figure of the dashboards and what it means: the definitions page shows these words, the tests quote them. */
public enum Kpi {
    CLICKS(
            "Clicks",
            "Visits by people through partner links in the period, each request counted once: a visitor who"
                    + " clicks twice counts twice here. Known bots' and crawlers' requests are never clicks."),
    UNIQUE_CLICKS(
            "Unique clicks",
            "Clicks less a visitor's repeats on the same link within the hour after its first (a visitor is a"
                    + " salted hash of the address and browser; each server remembers its own visitors). What a"
                    + " link's page counts and what a commission per click pays."),
    BOT_SHARE(
            "Bot share",
            "Requests through partner links by known bots, crawlers and link previews ÷ every request through"
                    + " them (bots' and people's), in the period. Repeats and bots are counted from the Canopy"
                    + " release that added these figures on: earlier days show no bots, and every click as unique."),
    LEADS(
            "Leads",
            "Sign-ups reported in the period (by the events API, Stripe or the website snippet) that a partner"
                    + " brought, each customer counted once."),
    CUSTOMERS("New customers", "Customers a partner brought whose first payment falls in the period."),
    PARTNER_REVENUE(
            "Partner revenue",
            "Payments in the period from customers a partner brought (by an approved deal registration, a click, a"
                    + " coupon or a referral code), less the refunds issued in the period on such payments."),
    UNATTRIBUTED_REVENUE(
            "Unattributed revenue",
            "Payments in the period from customers no partner brought, less their refunds in the period. Never"
                    + " added to partner revenue."),
    PIPELINE(
            "Partner pipeline",
            "Estimated value of the deal registrations approved in the period, whatever became of them since,"
                    + " converted at the rate of the day each was approved."),
    SOURCED_REVENUE(
            "Partner-sourced deals",
            "Value of registered deals won in the period that the partner sourced: its documented action (the"
                    + " registration, an accepted lead, a click) came before the vendor's own opportunity. Never added"
                    + " to influenced."),
    INFLUENCED_REVENUE(
            "Partner-influenced deals",
            "Value of registered deals won in the period where the vendor's own opportunity existed before the"
                    + " partner's first documented action."),
    WIN_RATE(
            "Win rate",
            "Registered deals won ÷ (won + lost), of those closed in the period. Canopy holds only the deals"
                    + " partners register, so there is no figure without partners beside it."),
    SALES_CYCLE(
            "Sales cycle",
            "Average days from a registration's approval to its close, won or lost, over the deals closed in the"
                    + " period."),
    COMMISSION_COST(
            "Commission cost",
            "Commissions and bounties made in the period that are paid out (a reseller's margin is recorded, not"
                    + " paid), reversals and clawbacks taken off, declined ones left out; converted at the rate of"
                    + " the day each was made."),
    COST_RATIO("Cost ratio", "Commission cost ÷ partner revenue, both in the period."),
    NET_CONTRIBUTION(
            "Net contribution",
            "A programme's partner revenue less its commission cost, both in the period: the programme's line of"
                    + " the profit and loss (what partners cost beyond commissions, such as market development"
                    + " funds, is not in it yet)."),
    ARPA(
            "Average revenue per account",
            "Revenue in the period ÷ the customers who paid in it: partner revenue ÷ the paying customers partners"
                    + " brought, and unattributed revenue ÷ the others."),
    CHURN(
            "Churn",
            "Of the customers paying when the period began (a first payment before it, not churned), the share who"
                    + " churned in it; partner-brought and direct customers apart."),
    COHORT_RETENTION(
            "Cohort retention",
            "Of the customers who first paid in a month (UTC), the share not churned at the end of that month and"
                    + " of each month after, up to the period's last month; partner-brought and direct apart."),
    ACTIVATION(
            "Activation",
            "Partners first approved in the period, and how many of them have since brought a first lead, registered"
                    + " a first deal and made a first sale, with the median days from approval to each."),
    ACTIVE_PARTNERS(
            "Active and dormant partners",
            "Active partners today, and the share of them that are not dormant: a click, lead, deal or sign-in"
                    + " within the workspace's dormancy days (Partners settings)."),
    CERTIFIED_PEOPLE(
            "Certified people",
            "People at partner companies holding a certification in force today (Enablement → Certifications),"
                    + " and that number ÷ today's active partners."),
    PARTNER_SHARE("Partner share of revenue", "Partner revenue ÷ (partner revenue + unattributed revenue)."),
    LEAD_RATE("Click-to-lead rate", "Leads ÷ unique clicks, both in the period."),
    CUSTOMER_RATE("Lead-to-customer rate", "New customers ÷ leads, both in the period."),
    REPORTING_CURRENCY(
            "Reporting currency",
            "Amounts are shown in the workspace's currency. Each day's total in another currency is converted at"
                    + " the exchange rate in force on that day (the latest entered on or before it), never at"
                    + " today's; a day with no rate is left out of the totals and listed under the figures."),
    CHANGE(
            "Change",
            "The period against the one just before it, of the same number of days: (this − previous) ÷"
                    + " previous. No figure when the previous is zero."),
    DAYS(
            "Days",
            "Calendar days in UTC, from the first to the last day chosen, both included. A click or a payment"
                    + " stored late still counts in the day it happened.");

    private final String label;
    private final String definition;

    Kpi(String label, String definition) {
        this.label = label;
        this.definition = definition;
    }

    public String label() {
        return label;
    }

    public String definition() {
        return definition;
    }

    /** The anchor of its definition on the definitions page. */
    public String anchor() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
