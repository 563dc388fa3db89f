package dev.canopy.shared;

/**
 * A state something is in, as the pages show it: its words and its tone. Every status badge is drawn by one
 * fragment ({@code fragments/ui :: status}) from these two, so the colour of "waiting" is the same on every page.
 */
public interface Status {

    String label();

    Tone tone();

    /** The key of this state's words in the portal's message bundles ("status.DealStatus.PENDING"). */
    default String messageKey() {
        return this instanceof Enum<?> state
                ? "status." + state.getDeclaringClass().getSimpleName() + "." + state.name()
                : "status." + getClass().getSimpleName() + "." + label();
    }

    /** What a state asks of the reader, drawn as a Bootstrap badge colour. */
    enum Tone {
        /** Someone has to act: review it, approve it. */
        WAITING("text-bg-warning"),
        /** Accepted and moving on. */
        UNDER_WAY("text-bg-primary"),
        /** News, not yet a decision. */
        NOTED("text-bg-info"),
        /** Reached the good end. */
        DONE("text-bg-success"),
        /** Stopped by a rule or a person, look at it. */
        STOPPED("text-bg-danger"),
        /** Over, nothing to do. */
        ENDED("text-bg-secondary");

        private final String badge;

        Tone(String badge) {
            this.badge = badge;
        }

        public String badge() {
            return badge;
        }
    }
}
