package dev.canopy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module's migrations live in {@code db/migration/<module>/} (Flyway reads the folders recursively; the
 * versions form one global order) and change only the module's own tables, named {@code <module>_…}. They
 * may reference other modules' tables (foreign keys, reads), never create, alter, fill or index them.
 */
class MigrationsStayInTheirModule {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Tables the platform module owns besides {@code platform_…}: Spring Modulith's and Spring Session's. */
    static final List<String> PLATFORM_TABLES = List.of("event_publication", "spring_session");

    /**
     * Released before migrations had owners, and never edited since (Flyway checksums them): V4 ties identity's
     * partner users to partner companies; V9 made the ledger with the commissions it posts.
     */
    static final Map<String, List<String>> RELEASED_EXCEPTIONS = Map.of(
            "V4__partners.sql", List.of("identity_partner_user"), "V9__ledger_and_commissions.sql", List.of("ledger_"));

    /** A statement that changes a table, with the table's name as group 1. */
    static final Pattern CHANGES_A_TABLE = Pattern.compile(
            "(?im)^\\s*(?:create\\s+table(?:\\s+if\\s+not\\s+exists)?|alter\\s+table(?:\\s+if\\s+exists)?(?:\\s+only)?"
                    + "|drop\\s+table(?:\\s+if\\s+exists)?|truncate(?:\\s+table)?|insert\\s+into|update|delete\\s+from"
                    + "|create\\s+(?:unique\\s+)?index(?:\\s+concurrently)?(?:\\s+if\\s+not\\s+exists)?\\s+\\w+\\s+on"
                    + "|create\\s+(?:or\\s+replace\\s+)?trigger\\s+\\w+\\s+(?:before|after)\\s+[\\w\\s,]+?\\s+on"
                    + "|comment\\s+on\\s+(?:table|column))\\s+(?:only\\s+)?(?:public\\.)?(\\w+)");

    @Test
    void everyMigrationIsInAModuleFolderAndChangesOnlyThatModulesTables() throws IOException {
        Set<String> modules;
        try (Stream<Path> packages = Files.list(Path.of("src/main/java/dev/canopy"))) {
            modules = packages.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet());
        }
        List<String> problems = new ArrayList<>();
        Map<String, Path> versions = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(MIGRATIONS)) {
            files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path file : files) {
            Path relative = MIGRATIONS.relativize(file);
            String name = file.getFileName().toString();
            if (relative.getNameCount() != 2
                    || !modules.contains(relative.getName(0).toString())) {
                problems.add(relative + " is not in a module's folder (db/migration/<module>/)");
                continue;
            }
            Path clash = versions.put(name.substring(0, name.indexOf("__")), relative);
            if (clash != null) {
                problems.add(relative + " has the version of " + clash);
            }
            String module = relative.getName(0).toString();
            for (String table : foreignTables(module, Files.readString(file, StandardCharsets.UTF_8))) {
                if (RELEASED_EXCEPTIONS.getOrDefault(name, List.of()).stream().noneMatch(table::startsWith)) {
                    problems.add(relative + " changes " + table + ", which is not " + module + "'s");
                }
            }
        }
        assertThat(files).as("migrations found").hasSizeGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckCatchesAMigrationThatChangesAnotherModulesTable() {
        String sql = """
                create table deals_note (id uuid primary key references partners_partner (id));
                create index deals_note_idx on deals_note (id);
                alter table partners_partner add column note text;
                update tracking_link set slug = lower(slug);
                insert into identity_workspace (id) select id from deals_note;
                create unique index if not exists ledger_by_note on ledger_posting (id);
                """;

        assertThat(foreignTables("deals", sql))
                .containsExactly("partners_partner", "tracking_link", "identity_workspace", "ledger_posting");
        assertThat(foreignTables(
                        "platform",
                        "create table spring_session_x (id int);\nalter table event_publication"
                                + " add column x int;\nalter table identity_account add column x int;"))
                .containsExactly("identity_account");
    }

    /** The tables a migration of {@code module} changes that belong to another module. */
    static List<String> foreignTables(String module, String sql) {
        List<String> foreign = new ArrayList<>();
        Matcher m = CHANGES_A_TABLE.matcher(sql.replaceAll("--[^\\n]*", ""));
        while (m.find()) {
            String table = m.group(1).toLowerCase(Locale.ROOT);
            boolean own = table.startsWith(module + "_")
                    || (module.equals("platform") && PLATFORM_TABLES.stream().anyMatch(table::startsWith));
            if (!own && !foreign.contains(table)) {
                foreign.add(table);
            }
        }
        return foreign;
    }
}
