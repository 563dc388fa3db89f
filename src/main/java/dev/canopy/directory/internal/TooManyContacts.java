package dev.canopy.directory.internal;

/** A client sent more contact requests than the rate limit allows; nothing of this one was stored. */
public class TooManyContacts extends RuntimeException {

    public TooManyContacts() {
        super("Too many requests from this network; try again in an hour");
    }
}
