package dev.canopy.shared;

import java.util.Set;

/**
 * One command of a lifecycle: the states it may move a thing from, and the state it moves it to. A lifecycle
 * writes its commands once, as an enum implementing this; its service refuses a command the thing's state does
 * not allow, and guards the SQL update with the same states ({@code status = any(?)}), so that two people acting
 * at once move it once.
 */
public interface Transition<S extends Enum<S>> {

    Set<S> from();

    S to();

    default boolean allows(S current) {
        return from().contains(current);
    }

    /** The states it moves from, by name, for the guard of an UPDATE. */
    default String[] fromNames() {
        return from().stream().map(Enum::name).sorted().toArray(String[]::new);
    }
}
