package dev.canopy.programs.internal;

/** Too many applications came from one client within the hour; the public form answers 429. */
public class ApplicationsRateLimited extends RuntimeException {

    public ApplicationsRateLimited() {
        super("Too many applications from this network; try again in an hour");
    }
}
