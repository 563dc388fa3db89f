package dev.canopy.testing;

import dev.canopy.shared.Transition;
import java.util.ArrayList;
import java.util.List;

/** Runs commands over a lifecycle as a service would: an allowed one moves the thing, a refused one leaves it. */
public final class Lifecycles {

    private Lifecycles() {}

    /** The states a thing passes through from {@code initial} under {@code commands}, the initial one first. */
    public static <S extends Enum<S>> List<S> walk(S initial, List<? extends Transition<S>> commands) {
        List<S> visited = new ArrayList<>(List.of(initial));
        S state = initial;
        for (Transition<S> command : commands) {
            if (command.allows(state)) {
                state = command.to();
            }
            visited.add(state);
        }
        return visited;
    }
}
