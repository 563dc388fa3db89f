package dev.canopy.enablement;

import dev.canopy.audit.AuditLog;
import dev.canopy.enablement.internal.AssetTable;
import dev.canopy.enablement.internal.CertificationTable;
import dev.canopy.enablement.internal.GatePolicy;
import dev.canopy.enablement.internal.RequirementTable;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certification requirements (ADR 27): a programme asks for at least N people of a partner company holding an active
 * certificate before the company may register deals in it, hold one of its tiers, or open an asset. Staff set and
 * remove them; a partner sees where it stands and what is missing. Losing a requirement takes effect after the
 * programme's demotion grace period ({@link GatePolicy}); deals protected before keep their protection.
 */
@Service
public class Requirements {

    private final RequirementTable table;
    private final CertificationTable certifications;
    private final AssetTable assets;
    private final Programs programs;
    private final Tiers tiers;
    private final Memberships memberships;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    Requirements(
            RequirementTable table,
            CertificationTable certifications,
            AssetTable assets,
            Programs programs,
            Tiers tiers,
            Memberships memberships,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.table = table;
        this.certifications = certifications;
        this.assets = assets;
        this.programs = programs;
        this.tiers = tiers;
        this.memberships = memberships;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every requirement of the workspace, by certification. */
    @Transactional(readOnly = true)
    public List<RequirementView> list() {
        return views(table.list(currentWorkspace.id()));
    }

    /** The requirements one certification meets. */
    @Transactional(readOnly = true)
    public List<RequirementView> ofCertification(UUID certification) {
        return list().stream()
                .filter(r -> r.certificationId().equals(certification))
                .toList();
    }

    @Transactional(readOnly = true)
    public RequirementView get(UUID id) {
        return views(List.of(
                        table.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Requirement"))))
                .getFirst();
    }

    @Transactional
    public RequirementView create(RequirementInput input) {
        WorkspaceId workspace = currentWorkspace.id();
        Map<String, String> problems = new LinkedHashMap<>();
        UUID certification = id("certificationId", input.certificationId(), problems);
        if (certification == null && !problems.containsKey("certificationId")) {
            problems.put("certificationId", "Choose the certification");
        } else if (certification != null
                && certifications.find(workspace, certification).isEmpty()) {
            problems.put("certificationId", "Choose a certification of this workspace");
        }
        int people = minPeople(input.minPeople(), problems);
        RequirementSubject subject = subject(input.subject(), problems);
        UUID program = id("programId", input.programId(), problems);
        UUID tier = null;
        UUID asset = null;
        if (subject == RequirementSubject.TIER) {
            tier = required("tierId", "Choose the tier", input.tierId(), problems);
            program = tier == null ? program : programOfTier(tier, program, problems);
        } else if (subject == RequirementSubject.ASSET) {
            asset = required("assetId", "Choose the asset", input.assetId(), problems);
            if (asset != null && assets.find(workspace, asset).isEmpty()) {
                problems.put("assetId", "Choose an asset of this workspace");
            }
        }
        if (program == null && !problems.containsKey("programId") && !problems.containsKey("tierId")) {
            problems.put("programId", "Choose the programme whose members it binds");
        } else if (program != null
                && programs.find(workspace, new ProgramId(program)).isEmpty()) {
            problems.put("programId", "Choose a programme of this workspace");
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        RequirementTable.Row row = new RequirementTable.Row(
                UUID.randomUUID(),
                program,
                subject,
                tier,
                asset,
                null,
                certification,
                "",
                null,
                people,
                clock.instant());
        if (!table.insert(workspace, row, currentWorkspace.actor().name())) {
            throw new ConflictException("certificationId", "This certification is required there already");
        }
        RequirementView view = get(row.id());
        audit.record("enablement.requirement.created", "requirement", row.id(), null, view);
        return view;
    }

    @Transactional
    public void remove(UUID id) {
        RequirementView before = get(id);
        table.delete(currentWorkspace.id(), id);
        audit.record("enablement.requirement.removed", "requirement", id, before, null);
    }

    /** Where the signed-in partner stands with every requirement of its programmes. */
    @Transactional(readOnly = true)
    public List<GateStanding> mine() {
        WorkspaceId workspace = currentWorkspace.id();
        PartnerId partner = signedIn();
        List<UUID> mine = memberships.programsOf(workspace, partner).stream()
                .map(ProgramId::value)
                .toList();
        List<RequirementTable.Row> rows = table.list(workspace).stream()
                .filter(r -> mine.contains(r.programId()))
                .toList();
        return standings(workspace, partner, views(rows));
    }

    /** Where the signed-in partner stands with the requirements on an asset, through the programmes it is in. */
    @Transactional(readOnly = true)
    public List<GateStanding> onAsset(UUID asset) {
        WorkspaceId workspace = currentWorkspace.id();
        PartnerId partner = signedIn();
        List<UUID> mine = memberships.programsOf(workspace, partner).stream()
                .map(ProgramId::value)
                .toList();
        return standings(workspace, partner, views(table.of(workspace, mine, RequirementSubject.ASSET, asset)));
    }

    /** The assets a requirement closes to the signed-in partner now (unmet, past any grace period). */
    @Transactional(readOnly = true)
    public Set<UUID> closedAssets() {
        return mine().stream()
                .filter(g -> g.requirement().subject() == RequirementSubject.ASSET && !g.open())
                .map(g -> g.requirement().assetId())
                .collect(Collectors.toSet());
    }

    /** Refuses the signed-in partner an asset whose requirements are closed to it (met nor within grace). */
    @Transactional(readOnly = true)
    public void requireOpen(UUID asset) {
        onAsset(asset).stream().filter(g -> !g.open()).findFirst().ifPresent(g -> {
            throw new AccessDeniedException(
                    "This asset needs " + g.requirement().minPeople()
                            + (g.requirement().minPeople() == 1 ? " person" : " people") + " with an active “"
                            + g.requirement().certificationName()
                            + "” certification; your company has " + g.held());
        });
    }

    private List<GateStanding> standings(WorkspaceId workspace, PartnerId partner, List<RequirementView> views) {
        Map<UUID, List<GatePolicy.Held>> held = table.held(
                        workspace,
                        List.of(partner),
                        views.stream().map(RequirementView::certificationId).toList())
                .getOrDefault(partner, Map.of());
        Instant now = clock.instant();
        Map<UUID, Integer> grace = new HashMap<>();
        return views.stream()
                .map(r -> {
                    int days = grace.computeIfAbsent(
                            r.programId(),
                            p -> programs.find(workspace, new ProgramId(p))
                                    .map(ProgramView::demotionGraceDays)
                                    .orElse(0));
                    GatePolicy.Standing s = GatePolicy.standing(
                            held.getOrDefault(r.certificationId(), List.of()),
                            r.minPeople(),
                            r.createdAt(),
                            now,
                            Duration.ofDays(days));
                    return new GateStanding(r, s.held(), s.openUntil());
                })
                .toList();
    }

    private List<RequirementView> views(List<RequirementTable.Row> rows) {
        WorkspaceId workspace = currentWorkspace.id();
        Map<UUID, String> programNames =
                programs.all(workspace).stream().collect(Collectors.toMap(p -> p.id().value(), ProgramView::name));
        Map<UUID, String> tierNames = new HashMap<>();
        rows.stream()
                .filter(r -> r.tierId() != null)
                .map(RequirementTable.Row::programId)
                .distinct()
                .forEach(p -> tiers.tiers(new ProgramId(p)).forEach(t -> tierNames.put(t.id(), t.name())));
        return rows.stream()
                .map(r -> new RequirementView(
                        r.id(),
                        r.programId(),
                        programNames.getOrDefault(r.programId(), "?"),
                        r.subject(),
                        r.tierId(),
                        r.tierId() == null ? null : tierNames.get(r.tierId()),
                        r.assetId(),
                        r.assetTitle(),
                        r.certificationId(),
                        r.certificationName(),
                        r.courseId(),
                        r.minPeople(),
                        r.createdAt()))
                .toList();
    }

    private @Nullable UUID programOfTier(UUID tier, @Nullable UUID program, Map<String, String> problems) {
        for (ProgramView p : programs.list()) {
            if (program != null && !p.id().value().equals(program)) {
                continue;
            }
            for (TierView t : tiers.tiers(p.id())) {
                if (t.id().equals(tier)) {
                    return p.id().value();
                }
            }
        }
        problems.put("tierId", "Choose a tier of this workspace" + (program == null ? "" : " and programme"));
        return null;
    }

    private PartnerId signedIn() {
        return PartnerId.signedIn(currentWorkspace).orElseThrow(() -> new NotFoundException("Requirement"));
    }

    private static @Nullable UUID id(String field, @Nullable String raw, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            problems.put(field, "Not an id: " + raw.strip());
            return null;
        }
    }

    private static @Nullable UUID required(
            String field, String missing, @Nullable String raw, Map<String, String> problems) {
        UUID id = id(field, raw, problems);
        if (id == null && !problems.containsKey(field)) {
            problems.put(field, missing);
        }
        return id;
    }

    private static int minPeople(@Nullable String raw, Map<String, String> problems) {
        try {
            int people = Integer.parseInt(raw == null ? "" : raw.strip());
            if (people >= 1 && people <= 1000) {
                return people;
            }
        } catch (NumberFormatException e) {
            // Named below.
        }
        problems.put("minPeople", "Enter how many people, 1 to 1000");
        return 0;
    }

    private static @Nullable RequirementSubject subject(@Nullable String raw, Map<String, String> problems) {
        try {
            return RequirementSubject.valueOf(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            problems.put("subject", "Choose DEAL_REGISTRATION, TIER or ASSET");
            return null;
        }
    }
}
