package dev.canopy.identity.web;

import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workspace")
@Tag(name = "Workspace", description = "The workspace the API key belongs to")
class WorkspaceApi {

    record WorkspaceResponse(
            String id,
            String slug,
            String name,
            @Nullable String website,
            String timezone,
            String currency,
            Instant createdAt) {
        static WorkspaceResponse of(WorkspaceView w) {
            return new WorkspaceResponse(
                    w.id().toString(), w.slug(), w.name(), w.website(), w.timezone(), w.currency(), w.createdAt());
        }
    }

    private final Workspaces workspaces;

    WorkspaceApi(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('workspace:read')")
    @Operation(summary = "The key's workspace")
    WorkspaceResponse getWorkspace() {
        return WorkspaceResponse.of(workspaces.current());
    }
}
