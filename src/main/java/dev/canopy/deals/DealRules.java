package dev.canopy.deals;

import dev.canopy.audit.AuditLog;
import dev.canopy.deals.internal.DealChecks;
import dev.canopy.deals.internal.DealSettingsTable;
import dev.canopy.deals.internal.RegistrationGate;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.MyProgram;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.PartnerScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules deals run by: the workspace's clocks (business days to review a registration and to answer
 * a lead) and each programme's protection period and extension policy.
 */
@Service
public class DealRules {

    static final int DEFAULT_PROTECTION_DAYS = 90;
    static final int DEFAULT_EXTENSION_DAYS = 30;

    private final DealSettingsTable settings;
    private final Programs programs;
    private final Memberships memberships;
    private final RegistrationGate gate;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    DealRules(
            DealSettingsTable settings,
            Programs programs,
            Memberships memberships,
            RegistrationGate gate,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.settings = settings;
        this.programs = programs;
        this.memberships = memberships;
        this.gate = gate;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * For the signed-in partner, per programme it belongs to: what registering deals there requires (certified
     * people) and where it stands; programmes without requirements are left out.
     */
    @Transactional(readOnly = true)
    public Map<ProgramView, List<RegistrationRequirement>> myRegistrationRequirements() {
        PartnerId partner = PartnerId.signedIn(currentWorkspace)
                .orElseThrow(() -> new AccessDeniedException("Only partner users register deals"));
        Map<ProgramView, List<RegistrationRequirement>> all = new LinkedHashMap<>();
        for (MyProgram mine : memberships.mine()) {
            List<RegistrationRequirement> of = gate.of(currentWorkspace.id(), mine.program(), partner, clock.instant());
            if (!of.isEmpty()) {
                all.put(mine.program(), of);
            }
        }
        return all;
    }

    /** Each programme's protection rules (defaults where none were saved). */
    @Transactional(readOnly = true)
    public List<ProgramDealRules> programRules() {
        return programs.list().stream().map(p -> forProgram(p.id())).toList();
    }

    /** One programme's protection rules; a programme of another workspace is not found. */
    @Transactional(readOnly = true)
    public ProgramDealRules forProgram(ProgramId program) {
        ProgramView p = programs.get(program);
        return settings.rules(currentWorkspace.id(), program)
                .map(r ->
                        new ProgramDealRules(program, p.name(), r.protectionDays(), r.extensionDays(), r.extensions()))
                .orElseGet(() -> new ProgramDealRules(
                        program, p.name(), DEFAULT_PROTECTION_DAYS, DEFAULT_EXTENSION_DAYS, ExtensionPolicy.ONCE));
    }

    @Transactional
    public ProgramDealRules setProgramRules(
            ProgramId program, String protectionDays, String extensionDays, String extensions) {
        staff();
        ProgramDealRules before = forProgram(program);
        int[] days = new int[2];
        ExtensionPolicy[] policy = new ExtensionPolicy[1];
        InvalidInputException.collect(
                () -> days[0] = DealChecks.number("protectionDays", protectionDays, 1, 730),
                () -> days[1] = DealChecks.number("extensionDays", extensionDays, 1, 365),
                () -> policy[0] = DealChecks.parse(ExtensionPolicy.class, "extensions", extensions));
        settings.saveRules(
                currentWorkspace.id(),
                new ProgramDealRules(program, before.programName(), days[0], days[1], policy[0]));
        ProgramDealRules after = forProgram(program);
        audit.record("deals.program-rules.updated", "program", program, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public DealClocks clocks() {
        return settings.clocks(currentWorkspace.id());
    }

    @Transactional
    public DealClocks setClocks(String reviewBusinessDays, String leadBusinessDays) {
        staff();
        DealClocks before = clocks();
        int[] days = new int[2];
        InvalidInputException.collect(
                () -> days[0] = DealChecks.number("reviewBusinessDays", reviewBusinessDays, 1, 30),
                () -> days[1] = DealChecks.number("leadBusinessDays", leadBusinessDays, 1, 30));
        settings.saveClocks(currentWorkspace.id(), new DealClocks(days[0], days[1]));
        DealClocks after = clocks();
        audit.record("deals.clocks.updated", "workspace", currentWorkspace.id(), before, after);
        return after;
    }

    private void staff() {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped) {
            throw new AccessDeniedException("Only vendor staff change the deal rules");
        }
    }
}
