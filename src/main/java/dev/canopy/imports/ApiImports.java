package dev.canopy.imports;

import dev.canopy.imports.internal.ApiFetcher;
import dev.canopy.imports.internal.Importer;
import dev.canopy.imports.internal.Launcher;
import dev.canopy.imports.internal.SourceApis;
import dev.canopy.shared.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports through a source's API with a key the vendor pastes, instead of its exports. */
@Service
public class ApiImports {

    private final Launcher launcher;
    private final ApiFetcher fetcher;
    private final Imports imports;

    ApiImports(Launcher launcher, ApiFetcher fetcher, Imports imports) {
        this.launcher = launcher;
        this.fetcher = fetcher;
        this.imports = imports;
    }

    /** What a source's API needs besides the key: its label on the form, or null when nothing. */
    private static String accountLabel(ImportSource source) {
        return switch (source) {
            case FIRSTPROMOTER -> "Account ID";
            case TOLT, DUB -> "Program ID";
            case PARTNERSTACK, REWARDFUL, CSV -> null;
        };
    }

    /**
     * Checks the key on the source's API at once (a wrong one is named on the form), then fetches every record in
     * the background and imports them like uploaded exports. The key is used for the fetch and kept nowhere.
     */
    @Transactional
    public ImportRun startFromApi(
            ImportSource source, UUID program, String key, String secret, String account, boolean dryRun) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (source == null || source == ImportSource.CSV) {
            problems.add(new InvalidInputException.FieldProblem("source", "Choose the system you are moving from"));
        }
        launcher.checkProgram(program, problems);
        String cleanKey = credential(problems, "key", key, true, "Paste the API key");
        String cleanSecret = credential(
                problems,
                "secret",
                secret,
                source == ImportSource.PARTNERSTACK,
                "PartnerStack needs its secret key too");
        String cleanAccount = credential(
                problems,
                "account",
                account,
                source != null && accountLabel(source) != null,
                source == null ? "" : source.label() + " needs the " + accountLabel(source));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        launcher.oneRealRunAtATime(dryRun);
        SourceApis.Credentials credentials = new SourceApis.Credentials(cleanKey, cleanSecret, cleanAccount);
        fetcher.check(source, credentials);
        UUID id = UUID.randomUUID();
        Instant now = launcher.now();
        launcher.runs()
                .insertFetching(
                        launcher.workspace(),
                        id,
                        source,
                        program,
                        dryRun,
                        launcher.actor(),
                        now,
                        now.plus(Importer.CLAIM));
        launcher.start(
                id,
                dryRun,
                Map.of("source", source.name(), "from", "api"),
                () -> launcher.importer().fetchThenRun(id, source, credentials));
        return imports.get(id);
    }

    private static String credential(
            List<InvalidInputException.FieldProblem> problems,
            String field,
            String value,
            boolean required,
            String missing) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            if (required) {
                problems.add(new InvalidInputException.FieldProblem(field, missing));
            }
            return null;
        }
        if (clean.length() > 500 || !clean.matches("[\\x21-\\x7e]+")) {
            problems.add(
                    new InvalidInputException.FieldProblem(field, "Paste it as the source shows it, without spaces"));
        }
        return clean;
    }
}
