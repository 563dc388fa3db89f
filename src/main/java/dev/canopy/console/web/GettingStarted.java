package dev.canopy.console.web;

import dev.canopy.commissions.CommissionPlans;
import dev.canopy.identity.ApiKeys;
import dev.canopy.identity.Team;
import dev.canopy.programs.OfferCheck;
import dev.canopy.programs.ProgramSummary;
import dev.canopy.programs.Programs;
import dev.canopy.tracking.TrackingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The console's getting-started checklist: what a programme needs before partners can earn through it, each step
 * ticked from the workspace's real state and shown only to those whose role can act on it.
 */
@Component
class GettingStarted {

    /** One step; {@code warning} when something set up is wrong rather than missing. */
    record Step(String title, String description, String href, String action, boolean done, boolean warning) {

        static Step of(String title, String description, String href, String action, boolean done) {
            return new Step(title, description, href, action, done, false);
        }
    }

    private final Programs programs;
    private final CommissionPlans plans;
    private final OfferCheck offers;
    private final TrackingSettings tracking;
    private final Team team;
    private final ApiKeys apiKeys;

    GettingStarted(
            Programs programs,
            CommissionPlans plans,
            OfferCheck offers,
            TrackingSettings tracking,
            Team team,
            ApiKeys apiKeys) {
        this.programs = programs;
        this.plans = plans;
        this.offers = offers;
        this.tracking = tracking;
        this.team = team;
        this.apiKeys = apiKeys;
    }

    /** The steps {@code can} (a permission test) may act on, in the order a new workspace takes them. */
    List<Step> steps(Predicate<String> can) {
        List<ProgramSummary> summaries = programs.summaries();
        List<Step> steps = new ArrayList<>();
        if (can.test("programs:write")) {
            steps.add(Step.of(
                    "Create a programme",
                    "What partners join: who it is for, what they earn, and the page they apply on.",
                    "/app/programs/new",
                    "Create a programme",
                    !summaries.isEmpty()));
        }
        if (can.test("commissions:write") && !summaries.isEmpty()) {
            Optional<ProgramSummary> unpaid = summaries.stream()
                    .filter(s -> plans.plan(s.program().id()).rules().stream().noneMatch(r -> r.active()))
                    .findFirst();
            steps.add(Step.of(
                    "Set the commission plan",
                    unpaid.map(s -> s.program().name() + " has no active rule yet: partners would earn nothing.")
                            .orElse("Every programme has rules saying what partners earn."),
                    unpaid.map(s -> "/app/programs/" + s.program().id() + "/commissions")
                            .orElse("/app/programs"),
                    "Add a rule",
                    unpaid.isEmpty()));
        }
        // Mended on the offer (programme staff) or on the plan (finance).
        if (can.test("programs:write") || can.test("commissions:write")) {
            for (ProgramSummary s : summaries) {
                List<String> differences = offers.differences(s.program());
                if (!differences.isEmpty()) {
                    steps.add(new Step(
                            "Make the offer of " + s.program().name() + " match its plan",
                            differences.getFirst(),
                            "/app/programs/" + s.program().id(),
                            "Review the offer",
                            false,
                            true));
                }
            }
        }
        if (can.test("programs:write") && !summaries.isEmpty()) {
            Optional<ProgramSummary> withoutTerms = summaries.stream()
                    .filter(s -> programs.termsVersions(s.program().id()).isEmpty())
                    .findFirst();
            steps.add(Step.of(
                    "Publish the terms",
                    withoutTerms
                            .map(s -> s.program().name() + " has no terms for partners to accept.")
                            .orElse("Partners accept each programme's terms at their first sign-in."),
                    withoutTerms
                            .map(s -> "/app/programs/" + s.program().id() + "/terms")
                            .orElse("/app/programs"),
                    "Write the terms",
                    withoutTerms.isEmpty()));
        }
        if (can.test("tracking:write")) {
            steps.add(Step.of(
                    "Track what partners bring",
                    "Allow your website's domain for partner links, add the snippet, connect Stripe.",
                    "/app/integration",
                    "Set up tracking",
                    !tracking.allowedDomains().isEmpty()));
        }
        if (can.test("partners:write")) {
            steps.add(Step.of(
                    "Add your first partner",
                    "Place it in a programme: it finds its tracking link at its first sign-in.",
                    "/app/partners/new",
                    "Add a partner",
                    summaries.stream().anyMatch(s -> s.members() > 0)));
        }
        if (can.test("team:write")) {
            steps.add(Step.of(
                    "Invite your team",
                    "Partner managers, finance and sales each get the access their role needs.",
                    "/app/team",
                    "Invite a teammate",
                    team.members().size() > 1 || !team.invitations().isEmpty()));
        }
        // Only for those who may create keys: the others would meet a 403 behind the button.
        if (can.test("api-keys:write")) {
            steps.add(Step.of(
                    "Connect your systems",
                    "Create an API key for your billing system, CRM or website.",
                    "/app/api-keys",
                    "Create an API key",
                    apiKeys.list().stream().anyMatch(k -> k.active())));
        }
        return steps;
    }
}
