package dev.canopy.tracking.internal;

import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.WorkspaceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The website snippet: keeps the click id and ref a partner link brought in a first-party cookie and
 * reports sign-ups with them. The cookie lives as long as the workspace's longest attribution window;
 * each programme's own window is applied by the server when it attributes.
 */
@Component
public class SnippetScript {

    private final Programs programs;
    private final String template;

    SnippetScript(Programs programs) {
        this.programs = programs;
        try (InputStream in = getClass().getResourceAsStream("/tracking/canopy-snippet.js")) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int cookieDays(WorkspaceId workspace) {
        return programs.all(workspace).stream()
                .mapToInt(ProgramView::attributionWindowDays)
                .max()
                .orElse(90);
    }

    public String render(String leadEndpoint, int days, List<String> domains) {
        return template.replace("__ENDPOINT__", jsString(leadEndpoint))
                .replace("__DAYS__", Integer.toString(days))
                .replace(
                        "__DOMAINS__",
                        domains.stream().map(SnippetScript::jsString).collect(Collectors.joining(",", "[", "]")));
    }

    private static String jsString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + '"';
    }
}
