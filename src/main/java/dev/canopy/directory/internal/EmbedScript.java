package dev.canopy.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The script a vendor puts on its own site to show its directory: {@code directory/embed.js}, with the address of
 * the workspace's JSON written in as a JSON string (so no slug can break out of it).
 */
@Component
public class EmbedScript {

    private static final String FEED = "\"__CANOPY_FEED__\"";

    private final String template;
    private final JsonMapper json;

    EmbedScript(JsonMapper json) {
        this.json = json;
        try (InputStream in = EmbedScript.class.getResourceAsStream("/directory/embed.js")) {
            if (in == null) {
                throw new IllegalStateException("directory/embed.js is missing from the classpath");
            }
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String render(String feedUrl) {
        return template.replace(FEED, json.writeValueAsString(feedUrl));
    }
}
