package dev.canopy.landingpages.internal;

/** One network sent more landing page forms than the rate limit allows within its window. */
public class TooManyLeads extends RuntimeException {

    public TooManyLeads() {
        super("Too many requests from this network; try again later");
    }
}
