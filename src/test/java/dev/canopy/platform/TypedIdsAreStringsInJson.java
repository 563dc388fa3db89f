package dev.canopy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.testing.CanopyTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Typed ids (the workspace's through the application's mapper) are UUID strings in JSON; {"value": …} still reads. */
@CanopyTest
class TypedIdsAreStringsInJson {

    @Autowired
    JsonMapper json;

    record Event(PartnerId partner, ProgramId program, WorkspaceId workspace) {}

    @Test
    void anIdIsWrittenAsItsUuidAndReadFromEitherShape() {
        UUID p = UUID.randomUUID();
        UUID g = UUID.randomUUID();
        UUID w = UUID.randomUUID();
        Event event = new Event(new PartnerId(p), new ProgramId(g), new WorkspaceId(w));

        String written = json.writeValueAsString(event);

        assertThat(written)
                .isEqualTo("{\"partner\":\"%s\",\"program\":\"%s\",\"workspace\":\"%s\"}".formatted(p, g, w));
        assertThat(json.readValue(written, Event.class)).isEqualTo(event);
        assertThat(json.readValue(
                        "{\"partner\":{\"value\":\"%s\"},\"program\":{\"value\":\"%s\"},\"workspace\":{\"value\":\"%s\"}}"
                                .formatted(p, g, w),
                        Event.class))
                .isEqualTo(event);
    }
}
