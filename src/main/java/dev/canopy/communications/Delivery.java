package dev.canopy.communications;

/**
 * How a partner user hears of one kind of notification. Every notification is shown in the portal; the choice is
 * whether it is also e-mailed at once, gathered in a daily digest, or neither.
 */
public enum Delivery {
    IN_APP,
    EMAIL,
    DAILY_DIGEST;

    /** Until a user chooses: e-mail at once, as Canopy did before preferences existed. */
    public static final Delivery DEFAULT = EMAIL;
}
