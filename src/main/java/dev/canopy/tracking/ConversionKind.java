package dev.canopy.tracking;

/** What a customer did: signed up (lead), paid, got money back, or cancelled its subscription. */
public enum ConversionKind {
    LEAD,
    SALE,
    REFUND,
    CHURN
}
