package dev.canopy.tracking;

/** Where an event came from; event ids are unique per source. */
public enum EventSource {
    API,
    STRIPE,
    SNIPPET
}
