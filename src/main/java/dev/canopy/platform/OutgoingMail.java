package dev.canopy.platform;

import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.WorkspaceId;
import java.util.Map;
import java.util.Set;

/**
 * A message to send. {@code template} names a Thymeleaf template under {@code templates/mail/};
 * {@code workspaces} are the workspaces it concerns, so the demo mail sink shows each only its own.
 */
public record OutgoingMail(
        EmailAddress to, String subject, String template, Map<String, Object> model, Set<WorkspaceId> workspaces) {

    public OutgoingMail {
        model = Map.copyOf(model);
        workspaces = Set.copyOf(workspaces);
    }
}
