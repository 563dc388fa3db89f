package dev.canopy.tracking;

/** What Canopy made of a received event (lead, sale, refund, churn): in the API, the event log and its filters. */
public enum EventOutcome {
    /** A partner was credited with the customer. */
    ATTRIBUTED,
    /** Another partner's later, stronger signal took the customer over. */
    TAKEN_OVER,
    /** The customer stays with the partner credited before. */
    KEPT,
    /** Nothing named a partner in a programme. */
    UNATTRIBUTED,
    /** Recorded, nothing to do: already known, or about no customer yet. */
    IGNORED,
    /** A refund kept until its sale arrives. */
    WAITING,
    /** A refund applied to its sale. */
    REFUNDED,
    /** The customer cancelled. */
    CHURNED
}
