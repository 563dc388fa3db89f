package dev.canopy.enablement;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A course was published: {@code partners} are those it is assigned to, as its audience admitted them then. */
public record CoursePublished(WorkspaceId workspace, UUID course, String title, Set<PartnerId> partners, Instant at)
        implements DomainEvent {}
