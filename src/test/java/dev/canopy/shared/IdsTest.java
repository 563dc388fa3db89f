package dev.canopy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Typed ids are UUID strings in JSON, and events stored with {"value": …} still read back. */
class IdsTest {

    private final JsonMapper json = JsonMapper.builder().build();

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
