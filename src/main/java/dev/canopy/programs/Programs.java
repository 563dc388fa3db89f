package dev.canopy.programs;

import dev.canopy.audit.AuditLog;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.internal.ApplicationTable;
import dev.canopy.programs.internal.CriterionRules;
import dev.canopy.programs.internal.CriterionTable;
import dev.canopy.programs.internal.Fields;
import dev.canopy.programs.internal.MemberTable;
import dev.canopy.programs.internal.ProgramRules;
import dev.canopy.programs.internal.ProgramTable;
import dev.canopy.programs.internal.QuestionRules;
import dev.canopy.programs.internal.QuestionTable;
import dev.canopy.programs.internal.TermsTable;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A workspace's programmes: their details and value proposition, terms versions, and application form. */
@Service
public class Programs {

    private final ProgramTable programs;
    private final TermsTable terms;
    private final QuestionTable questions;
    private final CriterionTable criteria;
    private final MemberTable memberships;
    private final ApplicationTable applications;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    Programs(
            ProgramTable programs,
            TermsTable terms,
            QuestionTable questions,
            CriterionTable criteria,
            MemberTable memberships,
            ApplicationTable applications,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.programs = programs;
        this.terms = terms;
        this.questions = questions;
        this.criteria = criteria;
        this.memberships = memberships;
        this.applications = applications;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ProgramView> list() {
        return programs.list(currentWorkspace.id());
    }

    @Transactional(readOnly = true)
    public List<ProgramSummary> summaries() {
        WorkspaceId workspace = currentWorkspace.id();
        Map<ProgramId, Integer> members = memberships.countByProgram(workspace);
        Map<ProgramId, Integer> pending = applications.pendingByProgram(workspace);
        return programs.list(workspace).stream()
                .map(p -> new ProgramSummary(p, members.getOrDefault(p.id(), 0), pending.getOrDefault(p.id(), 0)))
                .toList();
    }

    /** A workspace's programmes, for work outside any request. */
    @Transactional(readOnly = true)
    public List<ProgramView> all(WorkspaceId workspace) {
        return programs.list(workspace);
    }

    /** A programme of a given workspace, for work outside any request (webhooks, event intake). */
    @Transactional(readOnly = true)
    public Optional<ProgramView> find(WorkspaceId workspace, ProgramId id) {
        return programs.find(workspace, id);
    }

    @Transactional(readOnly = true)
    public ProgramView get(ProgramId id) {
        return programs.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Programme"));
    }

    @Transactional
    public ProgramView create(ProgramDraft draft) {
        ProgramRules.Details details = ProgramRules.check(draft);
        ProgramId id = ProgramId.random();
        if (!programs.insert(currentWorkspace.id(), id, details, clock.instant())) {
            throw slugTaken(details.slug());
        }
        ProgramView created = get(id);
        audit.record("programs.program.created", "program", id, null, created);
        return created;
    }

    @Transactional
    public ProgramView update(ProgramId id, ProgramDraft draft) {
        ProgramView before = get(id);
        ProgramRules.Details details = ProgramRules.check(draft);
        if (!programs.update(currentWorkspace.id(), id, details, clock.instant())) {
            throw slugTaken(details.slug());
        }
        ProgramView after = get(id);
        audit.record("programs.program.updated", "program", id, before, after);
        return after;
    }

    /** The scores at which applications are approved or declined without review; blank for "never". */
    @Transactional
    public ProgramView setAutomaticDecisions(ProgramId id, String autoApproveScore, String autoRejectBelow) {
        ProgramView before = get(id);
        Integer[] scores = new Integer[2];
        InvalidInputException.collect(
                () -> scores[0] = Fields.optionalWholeNumber("autoApproveScore", autoApproveScore, -100000, 100000),
                () -> scores[1] = Fields.optionalWholeNumber("autoRejectBelow", autoRejectBelow, -100000, 100000));
        if (scores[0] != null && scores[1] != null && scores[1] > scores[0]) {
            throw new InvalidInputException(
                    "autoRejectBelow", "Decline below a score no higher than the auto-approve score");
        }
        programs.updateDecisions(currentWorkspace.id(), id, scores[0], scores[1], clock.instant());
        ProgramView after = get(id);
        audit.record("programs.program.decisions_changed", "program", id, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public List<TermsVersion> termsVersions(ProgramId id) {
        get(id);
        return terms.versions(currentWorkspace.id(), id);
    }

    /** A new version of the terms: every member is asked to accept it before using the portal again. */
    @Transactional
    public TermsVersion publishTerms(ProgramId id, String body) {
        String text = Fields.required("body", body, 50000);
        WorkspaceId workspace = currentWorkspace.id();
        get(id);
        programs.lock(workspace, id);
        TermsVersion published =
                terms.publish(workspace, id, text, currentWorkspace.actor().name(), clock.instant());
        audit.record("programs.terms.published", "program", id, null, published);
        return published;
    }

    @Transactional(readOnly = true)
    public List<Question> questions(ProgramId id) {
        get(id);
        return questions.list(currentWorkspace.id(), id);
    }

    @Transactional
    public Question addQuestion(ProgramId id, String label, String type, boolean required, String options) {
        QuestionRules.Checked checked = QuestionRules.check(label, type, required, options);
        WorkspaceId workspace = currentWorkspace.id();
        get(id);
        programs.lock(workspace, id);
        UUID questionId = UUID.randomUUID();
        questions.insert(workspace, id, questionId, checked, clock.instant());
        Question added = questions.find(workspace, id, questionId).orElseThrow();
        audit.record("programs.question.added", "program", id, null, added);
        return added;
    }

    /** Past applications keep their answers; criteria on the question go with it. */
    @Transactional
    public void removeQuestion(ProgramId id, UUID questionId) {
        WorkspaceId workspace = currentWorkspace.id();
        Question before =
                questions.find(workspace, id, questionId).orElseThrow(() -> new NotFoundException("Question"));
        questions.delete(workspace, id, questionId);
        audit.record("programs.question.removed", "program", id, before, null);
    }

    @Transactional(readOnly = true)
    public List<ScoringCriterion> criteria(ProgramId id) {
        get(id);
        return criteria.list(currentWorkspace.id(), id);
    }

    @Transactional
    public ScoringCriterion addCriterion(ProgramId id, CriterionInput input) {
        WorkspaceId workspace = currentWorkspace.id();
        ProgramView program = get(id);
        CriterionRules.Checked checked =
                CriterionRules.check(input, questions.list(workspace, id), program.partnerTypes());
        UUID criterionId = UUID.randomUUID();
        criteria.insert(workspace, id, criterionId, checked, clock.instant());
        ScoringCriterion added = criteria.find(workspace, id, criterionId).orElseThrow();
        audit.record("programs.criterion.added", "program", id, null, added);
        return added;
    }

    @Transactional
    public void removeCriterion(ProgramId id, UUID criterionId) {
        WorkspaceId workspace = currentWorkspace.id();
        ScoringCriterion before =
                criteria.find(workspace, id, criterionId).orElseThrow(() -> new NotFoundException("Criterion"));
        criteria.delete(workspace, id, criterionId);
        audit.record("programs.criterion.removed", "program", id, before, null);
    }

    private static ConflictException slugTaken(String slug) {
        return new ConflictException("slug", "Another programme uses the address '" + slug + "'; choose another");
    }
}
