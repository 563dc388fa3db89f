package dev.canopy.partners;

import java.time.Instant;
import java.util.UUID;

/** A person at a partner company the vendor deals with (not necessarily a portal user). */
public record Contact(
        UUID id, String name, String email, String phone, String title, boolean primary, Instant createdAt) {}
