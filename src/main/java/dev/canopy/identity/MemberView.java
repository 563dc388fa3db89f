package dev.canopy.identity;

import java.time.Instant;
import java.util.UUID;

public record MemberView(
        UUID accountId, String email, String displayName, Role role, Instant joinedAt, Instant lastLoginAt) {}
