package dev.canopy.enablement.internal;

import dev.canopy.deals.DealStage;
import dev.canopy.enablement.AssetInput;
import dev.canopy.enablement.AssetKind;
import dev.canopy.enablement.Audience;
import dev.canopy.enablement.AudienceChoices;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Texts;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An {@link AssetInput} checked field by field: every problem named at once (a form shows each beside its field),
 * nothing stored until all are right. Programmes, tiers and partners must be the workspace's own.
 */
@Component
public class AssetInputs {

    private static final int TITLE_MAX = 200;
    private static final int DESCRIPTION_MAX = 2_000;
    private static final int NAME_MAX = 100;
    private static final int LIST_MAX = 30;
    private static final int URL_MAX = 2_000;

    private final Programs programs;
    private final Tiers tiers;
    private final Partners partners;

    AssetInputs(Programs programs, Tiers tiers, Partners partners) {
        this.programs = programs;
        this.tiers = tiers;
        this.partners = partners;
    }

    /** Checks {@code input}; {@code kind} is the asset's own when it exists (a kind never changes). */
    public AssetFields check(AssetInput input, @Nullable AssetKind kind) {
        Map<String, String> problems = new LinkedHashMap<>();
        AssetKind checkedKind = kind != null ? kind : kind(input.kind(), problems);
        String title = text("title", input.title(), TITLE_MAX, problems);
        if (title.isEmpty() && !problems.containsKey("title")) {
            problems.put("title", "Give the asset a title");
        }
        String description = text("description", input.description(), DESCRIPTION_MAX, problems);
        String folder = text("folder", input.folder(), NAME_MAX, problems);
        List<String> tags = names("tags", input.tags(), problems);
        List<String> products = names("products", input.products(), problems);
        List<String> industries = names("industries", input.industries(), problems);
        List<DealStage> stages = stages(input.dealStages(), problems);
        String url = null;
        String body = null;
        if (checkedKind == AssetKind.LINK) {
            url = url("url", input.url(), problems);
        } else if (checkedKind == AssetKind.TEXT) {
            body = text("body", input.body(), Texts.MAX_LENGTH, problems);
            if (body.isEmpty() && !problems.containsKey("body")) {
                problems.put("body", "Write the text partners will read");
            }
        }
        Audience audience = audience(
                input.match(),
                input.programIds(),
                input.tierIds(),
                input.partnerTypes(),
                input.regions(),
                input.partnerIds(),
                problems);
        Instant publishFrom = day("publishFrom", input.publishFrom(), problems);
        Instant expireOn = day("expireOn", input.expireOn(), problems);
        if (publishFrom != null && expireOn != null && !expireOn.isAfter(publishFrom)) {
            problems.putIfAbsent("expireOn", "Expire after the day it is published");
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return new AssetFields(
                checkedKind,
                title,
                description,
                folder,
                tags,
                products,
                stages,
                industries,
                url,
                body,
                audience,
                publishFrom,
                expireOn);
    }

    /** An uploaded file's name as it will be offered for saving: its last path part, checked as text. */
    public String fileName(@Nullable String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        String problem = Texts.problem(name);
        if (name.isEmpty() || problem != null || name.length() > 255) {
            throw new InvalidInputException(
                    "file", problem != null ? "The file name " + problem.toLowerCase(Locale.ROOT) : "Name the file");
        }
        return name;
    }

    public AudienceChoices choices() {
        List<AudienceChoices.Choice> programChoices = new ArrayList<>();
        List<AudienceChoices.Choice> tierChoices = new ArrayList<>();
        programsAndTiers(programChoices, tierChoices);
        List<AudienceChoices.Choice> partnerChoices = partners
                .search(new PartnerSearch(null, null, null, null, false, null, PartnerSearch.MAX_LIMIT, null))
                .partners()
                .stream()
                .map(p -> new AudienceChoices.Choice(p.id().value(), p.name()))
                .toList();
        return new AudienceChoices(
                programChoices, tierChoices, List.of(PartnerType.values()), partners.regions(), partnerChoices);
    }

    /** The workspace's programmes, and their tiers named "Programme · Tier". */
    private void programsAndTiers(
            List<AudienceChoices.Choice> programChoices, List<AudienceChoices.Choice> tierChoices) {
        for (ProgramView program : programs.list()) {
            programChoices.add(new AudienceChoices.Choice(program.id().value(), program.name()));
            tiers.tiers(program.id())
                    .forEach(t ->
                            tierChoices.add(new AudienceChoices.Choice(t.id(), program.name() + " · " + t.name())));
        }
    }

    /** Who may see something (an asset, a course), checked as the asset form's fields of the same names. */
    public Audience audience(
            @Nullable String rawMatch,
            @Nullable List<String> rawPrograms,
            @Nullable List<String> rawTiers,
            @Nullable List<String> rawTypes,
            @Nullable List<String> rawRegions,
            @Nullable List<String> rawPartners,
            Map<String, String> problems) {
        Audience.Match match = Audience.Match.ALL;
        if (rawMatch != null && !rawMatch.isBlank()) {
            try {
                match = Audience.Match.valueOf(rawMatch.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.put("match", "Choose ALL or ANY");
            }
        }
        List<AudienceChoices.Choice> knownPrograms = new ArrayList<>();
        List<AudienceChoices.Choice> knownTiers = new ArrayList<>();
        programsAndTiers(knownPrograms, knownTiers);
        Set<UUID> programIds = ids("programIds", rawPrograms, ids(knownPrograms), "programme", problems);
        Set<UUID> tierIds = ids("tierIds", rawTiers, ids(knownTiers), "tier", problems);
        Set<PartnerType> types = Set.of();
        try {
            types = PartnerType.parseAll("partnerTypes", rawTypes);
        } catch (InvalidInputException e) {
            problems.put("partnerTypes", e.problems().getFirst().message());
        }
        List<String> regions = names("regions", rawRegions, problems);
        Set<UUID> partnerIds = ids("partnerIds", rawPartners, null, "partner", problems);
        if (!partnerIds.isEmpty() && !problems.containsKey("partnerIds")) {
            Set<UUID> found = partners
                    .byIds(partnerIds.stream().map(PartnerId::new).toList())
                    .stream()
                    .map(PartnerView::id)
                    .map(PartnerId::value)
                    .collect(Collectors.toSet());
            if (!found.containsAll(partnerIds)) {
                problems.put("partnerIds", "Name partners of this workspace");
            }
        }
        return new Audience(
                match,
                programIds,
                tierIds,
                types,
                Set.copyOf(regions),
                partnerIds.stream().map(PartnerId::new).collect(Collectors.toSet()));
    }

    private static Set<UUID> ids(List<AudienceChoices.Choice> choices) {
        return choices.stream().map(AudienceChoices.Choice::id).collect(Collectors.toSet());
    }

    private static Set<UUID> ids(
            String field,
            @Nullable List<String> raw,
            @Nullable Set<UUID> known,
            String what,
            Map<String, String> problems) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : raw == null ? List.<String>of() : raw) {
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                UUID id = UUID.fromString(value.strip());
                if (known != null && !known.contains(id)) {
                    problems.put(field, "No " + what + " " + id + " in this workspace");
                }
                ids.add(id);
            } catch (IllegalArgumentException e) {
                problems.put(field, "Not a " + what + " id: " + value);
            }
        }
        return ids;
    }

    private static AssetKind kind(@Nullable String raw, Map<String, String> problems) {
        try {
            return AssetKind.valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put("kind", "Choose FILE, LINK or TEXT");
            return AssetKind.TEXT;
        }
    }

    /** A text field stripped and checked (no NUL or the like, at most {@code max} characters). */
    public static String text(String field, @Nullable String raw, int max, Map<String, String> problems) {
        String value = raw == null ? "" : raw.strip();
        String problem = Texts.problem(value);
        if (problem != null) {
            problems.put(field, problem);
        } else if (value.length() > max) {
            problems.put(field, "Use at most " + max + " characters");
        }
        return value;
    }

    /** Tags, products and the like: each stripped, blanks dropped, duplicates once, each a short name. */
    private static List<String> names(String field, @Nullable List<String> raw, Map<String, String> problems) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : raw == null ? List.<String>of() : raw) {
            for (String part : value == null ? new String[0] : value.split(",")) {
                String name = text(field, part, NAME_MAX, problems);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        if (names.size() > LIST_MAX) {
            problems.put(field, "Name at most " + LIST_MAX);
        }
        return List.copyOf(names);
    }

    private static List<DealStage> stages(@Nullable List<String> raw, Map<String, String> problems) {
        Set<DealStage> stages = new LinkedHashSet<>();
        for (String value : raw == null ? List.<String>of() : raw) {
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                stages.add(DealStage.valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.put(
                        "dealStages",
                        "Choose among "
                                + Arrays.stream(DealStage.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", ")));
            }
        }
        return List.copyOf(stages);
    }

    static @Nullable String url(String field, @Nullable String raw, Map<String, String> problems) {
        String value = text(field, raw, URL_MAX, problems);
        if (problems.containsKey(field)) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        problems.put(field, "Enter a web address starting with https://");
        return null;
    }

    private static @Nullable Instant day(String field, @Nullable String raw, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            problems.put(field, "Enter a date as YYYY-MM-DD");
            return null;
        }
    }
}
