package dev.canopy.programs;

import java.util.List;

/**
 * Whether what a programme's public offer promises is what its commission plan pays, told by the module that
 * pays (which depends on programmes, not the other way round), so that the programme page and the console's
 * checklist can flag a promise nobody keeps.
 */
public interface OfferCheck {

    /** Where the offer and the plan part, in sentences for staff; empty when they agree. */
    List<String> differences(ProgramView program);
}
