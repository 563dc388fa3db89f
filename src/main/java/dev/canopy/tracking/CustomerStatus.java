package dev.canopy.tracking;

/** Where a customer stands: signed up, paying, or gone. */
public enum CustomerStatus {
    LEAD,
    CUSTOMER,
    CHURNED
}
