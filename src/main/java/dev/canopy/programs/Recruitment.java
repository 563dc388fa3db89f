package dev.canopy.programs;

import dev.canopy.audit.AuditLog;
import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.NewPartner;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.Mailer;
import dev.canopy.platform.OutgoingMail;
import dev.canopy.platform.Sha256;
import dev.canopy.programs.internal.ApplicationAttemptTable;
import dev.canopy.programs.internal.ApplicationCheck;
import dev.canopy.programs.internal.ApplicationLifecycle;
import dev.canopy.programs.internal.ApplicationScoring;
import dev.canopy.programs.internal.ApplicationTable;
import dev.canopy.programs.internal.ApplicationsRateLimited;
import dev.canopy.programs.internal.CriterionTable;
import dev.canopy.programs.internal.Fields;
import dev.canopy.programs.internal.MemberTable;
import dev.canopy.programs.internal.ProgramTable;
import dev.canopy.programs.internal.QuestionTable;
import dev.canopy.programs.internal.TierEvaluator;
import dev.canopy.programs.internal.TierTable;
import dev.canopy.shared.Actor;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recruiting partners: the public programme pages and application form, the inbox of applications
 * with their scores, and the decisions. Approval admits the company as a partner (who is invited by
 * email) and makes it a member; rejection keeps the reason, tells the applicant, and holds off a new
 * application from the same email or domain until the programme's reapply period has passed.
 */
@Service
public class Recruitment {

    /** Applications accepted from one client per {@link #RATE_WINDOW}. */
    public static final int RATE_LIMIT = 5;

    public static final Duration RATE_WINDOW = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(Recruitment.class);

    /** Who made an automatic decision, in the application and the audit log. */
    private static final String AUTOMATIC = "Automatic (score)";

    private final Workspaces workspaces;
    private final ProgramTable programs;
    private final QuestionTable questions;
    private final CriterionTable criteria;
    private final ApplicationTable applications;
    private final ApplicationAttemptTable attempts;
    private final MemberTable memberships;
    private final TierTable tiers;
    private final TierEvaluator evaluator;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    Recruitment(
            Workspaces workspaces,
            ProgramTable programs,
            QuestionTable questions,
            CriterionTable criteria,
            ApplicationTable applications,
            ApplicationAttemptTable attempts,
            MemberTable memberships,
            TierTable tiers,
            TierEvaluator evaluator,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Mailer mailer,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.workspaces = workspaces;
        this.programs = programs;
        this.questions = questions;
        this.criteria = criteria;
        this.applications = applications;
        this.attempts = attempts;
        this.memberships = memberships;
        this.tiers = tiers;
        this.evaluator = evaluator;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The programmes a workspace is recruiting for, by its public address. */
    @Transactional(readOnly = true)
    public PublicListing publicListing(String workspaceSlug) {
        WorkspaceView workspace = workspace(workspaceSlug);
        return new PublicListing(workspace.name(), workspace.slug(), programs.accepting(workspace.id()));
    }

    @Transactional(readOnly = true)
    public PublicProgram publicProgram(String workspaceSlug, String programSlug) {
        WorkspaceView workspace = workspace(workspaceSlug);
        ProgramView program = recruiting(workspace.id(), programSlug);
        return new PublicProgram(
                workspace.name(),
                workspace.slug(),
                program,
                questions.list(workspace.id(), program.id()),
                tiers.list(workspace.id(), program.id()));
    }

    /**
     * An application from the public form, by someone not signed in: scored, then approved or declined
     * at once when the score says so, otherwise left for review. {@code clientAddress} counts toward
     * the rate limit; a client over it gets {@link ApplicationsRateLimited}.
     */
    @Transactional
    public ApplicationView apply(
            String workspaceSlug, String programSlug, ApplicationInput input, String clientAddress) {
        WorkspaceView listed = workspace(workspaceSlug);
        WorkspaceId workspace = listed.id();
        ProgramView program = recruiting(workspace, programSlug);
        Instant now = clock.instant();
        String client = clientKey(clientAddress);
        attempts.lock(client);
        if (attempts.countSince(client, now.minus(RATE_WINDOW)) >= RATE_LIMIT) {
            throw new ApplicationsRateLimited();
        }
        ApplicationCheck.Checked checked =
                ApplicationCheck.check(program.partnerTypes(), questions.list(workspace, program.id()), input);
        refuseRepeat(workspace, program, checked, now);
        ApplicationScoring.Score score = ApplicationScoring.score(
                criteria.list(workspace, program.id()), checked.answersByQuestion(), checked.partnerTypes());
        UUID id = UUID.randomUUID();
        applications.insert(workspace, program.id(), id, checked, score, now);
        attempts.insert(client, now);
        Actor applicant = new Actor(
                Actor.Kind.SYSTEM,
                "application-form",
                checked.contactName() + " <" + checked.contactEmail() + "> (application form)");
        ApplicationView submitted = find(workspace, id);
        audit.record(workspace, applicant, "programs.application.submitted", "application", id, null, submitted);
        events.publishEvent(new ApplicationSubmitted(
                workspace,
                id,
                program.id(),
                checked.companyName(),
                checked.contactEmail().value(),
                now));
        switch (ApplicationScoring.verdict(score.total(), program.autoApproveScore(), program.autoRejectBelow())) {
            case APPROVE -> approveAutomatically(workspace, program, submitted);
            case REJECT ->
                decline(
                        workspace,
                        listed.name(),
                        Actor.system(),
                        AUTOMATIC,
                        program,
                        submitted,
                        "Your application does not meet the programme's current criteria.");
            case REVIEW -> {}
        }
        return find(workspace, id);
    }

    @Transactional(readOnly = true)
    public ApplicationPage applications(ApplicationQuery query) {
        List<ApplicationTable.Row> rows = applications.search(currentWorkspace.id(), query, query.limit() + 1);
        if (rows.size() <= query.limit()) {
            return new ApplicationPage(
                    rows.stream().map(ApplicationTable.Row::application).toList(), null);
        }
        List<ApplicationTable.Row> page = rows.subList(0, query.limit());
        return new ApplicationPage(
                page.stream().map(ApplicationTable.Row::application).toList(),
                page.getLast().seq());
    }

    @Transactional(readOnly = true)
    public ApplicationView application(UUID id) {
        return find(currentWorkspace.id(), id);
    }

    /** Admits the applicant as a partner, invites its contact, and makes it a member of the programme. */
    @Transactional
    public ApplicationView approve(UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        Actor actor = currentWorkspace.actor();
        ApplicationView application = find(workspace, id);
        ProgramView program = programs.find(workspace, application.programId()).orElseThrow();
        admit(workspace, actor, actor.name(), program, application);
        return find(workspace, id);
    }

    /** Declines with a reason the applicant is told by email. */
    @Transactional
    public ApplicationView reject(UUID id, String reason) {
        WorkspaceId workspace = currentWorkspace.id();
        ApplicationView application = find(workspace, id);
        String checkedReason = Fields.required("reason", reason, 1000);
        ProgramView program = programs.find(workspace, application.programId()).orElseThrow();
        Actor actor = currentWorkspace.actor();
        decline(workspace, workspaces.current().name(), actor, actor.name(), program, application, checkedReason);
        return find(workspace, id);
    }

    private void approveAutomatically(WorkspaceId workspace, ProgramView program, ApplicationView application) {
        // In a savepoint: when the partners module refuses (say the contact is a partner user elsewhere
        // already), the application stays in the inbox for a person to resolve instead of failing.
        try {
            savepoint.executeWithoutResult(status -> admit(workspace, Actor.system(), AUTOMATIC, program, application));
        } catch (ConflictException e) {
            log.info(
                    "Application {} scored for automatic approval but stays for review: {}",
                    application.id(),
                    e.getMessage());
        }
    }

    private void admit(
            WorkspaceId workspace, Actor actor, String decidedBy, ProgramView program, ApplicationView application) {
        Instant now = clock.instant();
        if (!applications.decide(workspace, application.id(), ApplicationLifecycle.APPROVE, decidedBy, null, now)) {
            throw new ConflictException(null, "This application was decided already");
        }
        PartnerView partner = partners.admitFromApplication(
                workspace,
                actor,
                new NewPartner(
                        application.companyName(),
                        application.website(),
                        application.partnerTypes(),
                        List.of(application.region()),
                        List.of(),
                        null,
                        application.contactName(),
                        application.contactEmail()));
        applications.linkPartner(workspace, application.id(), partner.id());
        events.publishEvent(new ApplicationDecided(
                workspace, application.id(), program.id(), ApplicationStatus.APPROVED, partner.id(), null, now));
        audit.record(
                workspace,
                actor,
                "programs.application.approved",
                "application",
                application.id(),
                application,
                find(workspace, application.id()));
        memberships.insert(workspace, program.id(), partner.id(), now);
        audit.record(
                workspace,
                actor,
                "programs.membership.created",
                "membership",
                program.id() + "/" + partner.id(),
                null,
                memberships.list(workspace, program.id(), partner.id()).getFirst());
        evaluator.evaluate(workspace, actor, program, Optional.of(partner.id()));
    }

    private void decline(
            WorkspaceId workspace,
            String workspaceName,
            Actor actor,
            String decidedBy,
            ProgramView program,
            ApplicationView application,
            String reason) {
        Instant now = clock.instant();
        if (!applications.decide(workspace, application.id(), ApplicationLifecycle.REJECT, decidedBy, reason, now)) {
            throw new ConflictException(null, "This application was decided already");
        }
        ApplicationView after = find(workspace, application.id());
        audit.record(
                workspace, actor, "programs.application.rejected", "application", application.id(), application, after);
        events.publishEvent(new ApplicationDecided(
                workspace, application.id(), program.id(), ApplicationStatus.REJECTED, null, reason, now));
        mailer.sendAfterCommit(new OutgoingMail(
                new EmailAddress(application.contactEmail()),
                "Your application to " + workspaceName + "'s " + program.name(),
                "programs/application-declined",
                Map.of(
                        "contactName", application.contactName(),
                        "companyName", application.companyName(),
                        "workspaceName", workspaceName,
                        "programName", program.name(),
                        "reason", reason,
                        "reapplyOn", reapplyOn(program, now)),
                Set.of(workspace)));
    }

    private void refuseRepeat(WorkspaceId workspace, ProgramView program, ApplicationCheck.Checked a, Instant now) {
        Optional<ApplicationTable.Earlier> earlier = applications.blocking(
                workspace,
                program.id(),
                a.contactEmail().value(),
                a.domain(),
                now.minus(Duration.ofDays(program.reapplyAfterDays())));
        if (earlier.isEmpty()) {
            return;
        }
        throw switch (earlier.get().status()) {
            case PENDING ->
                new ConflictException(
                        "contactEmail", "We have your company's application already and will be in touch soon.");
            case APPROVED ->
                new ConflictException("contactEmail", "Your company is a member of this programme already.");
            case REJECTED ->
                new ConflictException(
                        "contactEmail",
                        "We reviewed an application from your company recently; you can apply again from "
                                + reapplyOn(program, earlier.get().decidedAt()) + ".");
        };
    }

    private static LocalDate reapplyOn(ProgramView program, Instant decidedAt) {
        return decidedAt
                .plus(Duration.ofDays(program.reapplyAfterDays()))
                .atZone(ZoneOffset.UTC)
                .toLocalDate();
    }

    private WorkspaceView workspace(String slug) {
        return workspaces.bySlug(slug).orElseThrow(() -> new NotFoundException("Workspace"));
    }

    private ProgramView recruiting(WorkspaceId workspace, String slug) {
        return programs.findBySlug(workspace, slug == null ? "" : slug)
                .filter(ProgramView::acceptingApplications)
                .orElseThrow(() -> new NotFoundException("Programme"));
    }

    private ApplicationView find(WorkspaceId workspace, UUID id) {
        return applications.find(workspace, id).orElseThrow(() -> new NotFoundException("Application"));
    }

    /** The client's address is kept only as a hash: enough to count, nothing to identify. */
    private static String clientKey(String address) {
        return Sha256.hex(String.valueOf(address));
    }
}
