package dev.canopy.enablement.web;

import dev.canopy.enablement.ScormPlayer;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the SCORM runtime on a lesson page commits (JSON, from scorm-runtime.js); refusals come back as
 * problem+json, which the runtime shows as a failed save and retries.
 */
@RestController
@PreAuthorize("hasRole('PARTNER')")
class ScormCommitController {

    /** The package's data model as dotted keys to strings (the runtime also says whether it finished: not needed). */
    record Commit(@Nullable Map<String, String> cmi) {}

    private final ScormPlayer player;

    ScormCommitController(ScormPlayer player) {
        this.player = player;
    }

    @PostMapping("/portal/learning/lessons/{id}/scorm")
    ScormPlayer.Committed commit(@PathVariable UUID id, @RequestBody Commit commit) {
        return player.commit(id, commit.cmi());
    }
}
