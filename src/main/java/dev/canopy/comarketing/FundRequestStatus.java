package dev.canopy.comarketing;

/** Where a request for funds stands: waiting for staff, approved (funds reserved), rejected or withdrawn. */
public enum FundRequestStatus {
    SUBMITTED,
    APPROVED,
    REJECTED,
    CANCELLED
}
