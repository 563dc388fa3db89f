package dev.canopy.enablement;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An asset went live in the library, as it was created or when its publish date came: {@code partners} are those its
 * audience admitted then.
 */
public record AssetPublished(WorkspaceId workspace, UUID asset, String title, Set<PartnerId> partners, Instant at)
        implements DomainEvent {}
