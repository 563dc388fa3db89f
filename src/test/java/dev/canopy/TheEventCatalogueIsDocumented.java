package dev.canopy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.canopy.shared.DomainEvent;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/events.md is the catalogue the outbound webhooks will expose: every published {@link DomainEvent} has a
 * section there, under its module, with its fields exactly as the record has them. An event added, renamed or
 * changed without its entry fails here, with the line to write.
 */
class TheEventCatalogueIsDocumented {

    private static final Pattern SECTION =
            Pattern.compile("^### `(\\w+)` \\((\\w+)\\)\\R(?:.*\\R)*?(Fields: .*)$", Pattern.MULTILINE);

    @Test
    void everyDomainEventHasItsEntryWithItsFields() throws IOException {
        Map<String, String> inCode = new TreeMap<>();
        for (JavaClass event : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.canopy")) {
            if (event.isAssignableTo(DomainEvent.class) && !event.isInterface()) {
                Class<?> type = event.reflect();
                inCode.put(type.getSimpleName(), entry(type));
            }
        }
        Map<String, String> documented = new TreeMap<>();
        Matcher m = SECTION.matcher(Files.readString(Path.of("docs/events.md")));
        while (m.find()) {
            documented.put(m.group(1), "(" + m.group(2) + ") " + m.group(3).strip());
        }

        assertThat(inCode)
                .as("events and their fields, as docs/events.md must list them")
                .isNotEmpty();
        assertThat(documented).as("docs/events.md").isEqualTo(inCode);
    }

    /** "(deals) Fields: `workspace` WorkspaceId, `dealId` UUID, …". */
    private static String entry(Class<?> event) {
        String module =
                event.getPackageName().replaceFirst("^dev\\.canopy\\.", "").replaceFirst("\\..*", "");
        String fields = Arrays.stream(event.getRecordComponents())
                .map(c -> "`" + c.getName() + "` " + typeName(c))
                .collect(Collectors.joining(", "));
        return "(" + module + ") Fields: " + fields;
    }

    private static String typeName(RecordComponent component) {
        Type type = component.getGenericType();
        return type.getTypeName().replaceAll("[a-z0-9_]+\\.", "").replace("$", ".");
    }
}
