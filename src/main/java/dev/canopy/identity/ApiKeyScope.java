package dev.canopy.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API key may do in its workspace. */
public enum ApiKeyScope {
    READ("Read only"),
    READ_WRITE("Read and write");

    private final String label;

    ApiKeyScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Keys manage data, not the workspace's people or other keys. */
    public Set<Permission> permissions() {
        return Arrays.stream(Permission.values())
                .filter(p -> p != Permission.API_KEYS_WRITE && p != Permission.MAIL_SINK_READ)
                .filter(p -> this == READ_WRITE || p.readOnly())
                .collect(Collectors.toSet());
    }
}
