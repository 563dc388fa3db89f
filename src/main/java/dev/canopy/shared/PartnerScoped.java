package dev.canopy.shared;

import java.util.UUID;

/** A principal that acts for one partner company (a partner-portal user). */
public interface PartnerScoped {

    /** The partner company this principal belongs to. */
    UUID partnerId();
}
