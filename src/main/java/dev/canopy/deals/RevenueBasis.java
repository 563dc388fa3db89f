package dev.canopy.deals;

/**
 * What a won deal's amount is, so the commission engine applies the programme's rate to the right
 * number: a referral fee is a share of first-year contract value, a reseller margin a share of list price.
 */
public enum RevenueBasis {
    FIRST_YEAR_CONTRACT_VALUE,
    LIST_PRICE
}
