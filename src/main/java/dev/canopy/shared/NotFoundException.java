package dev.canopy.shared;

/** The thing asked for does not exist in the caller's workspace (or is not theirs to see). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
