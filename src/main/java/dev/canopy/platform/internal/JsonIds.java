package dev.canopy.platform.internal;

import dev.canopy.shared.Ids;
import dev.canopy.shared.WorkspaceId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * {@link WorkspaceId} in JSON as its UUID string, like the typed ids of the modules (which say so with Jackson's
 * annotations); shared stays free of frameworks, so its id is taught to the application's mapper here.
 */
@Configuration(proxyBeanMethods = false)
class JsonIds {

    @Bean
    SimpleModule workspaceIdsAsStrings() {
        return new SimpleModule("workspace-ids")
                .addSerializer(WorkspaceId.class, new StdSerializer<>(WorkspaceId.class) {
                    @Override
                    public void serialize(WorkspaceId id, JsonGenerator json, SerializationContext context) {
                        json.writeString(id.value().toString());
                    }
                })
                .addDeserializer(WorkspaceId.class, new StdDeserializer<>(WorkspaceId.class) {
                    @Override
                    public WorkspaceId deserialize(JsonParser json, DeserializationContext context) {
                        return new WorkspaceId(Ids.fromJson(context.readValue(json, Object.class)));
                    }
                });
    }
}
