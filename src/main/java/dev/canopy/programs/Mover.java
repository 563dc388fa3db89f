package dev.canopy.programs;

import dev.canopy.partners.PartnerId;

/**
 * A partner whose tier a draft rule would change: the tier it qualifies for under today's rules and
 * under the draft (null for none). Moving down waits for the programme's grace period.
 */
public record Mover(PartnerId partnerId, String partnerName, String today, String withDraft, boolean up) {}
