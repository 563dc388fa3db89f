package dev.canopy.enablement.internal;

import dev.canopy.enablement.AssetKind;
import dev.canopy.enablement.CertificationInput;
import dev.canopy.enablement.CertificationView;
import dev.canopy.enablement.Certifications;
import dev.canopy.enablement.ContentLibrary;
import dev.canopy.enablement.CourseInput;
import dev.canopy.enablement.CourseView;
import dev.canopy.enablement.Courses;
import dev.canopy.enablement.LessonInput;
import dev.canopy.enablement.LessonView;
import dev.canopy.enablement.QuestionInput;
import dev.canopy.enablement.RequirementInput;
import dev.canopy.enablement.RequirementSubject;
import dev.canopy.enablement.Requirements;
import dev.canopy.identity.Workspaces;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.Programs;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo workspace's first course, for every partner: a reading, the pitch deck from the library and a short quiz;
 * completing it earns the "Northwind certified seller" certification, valid two years, which resellers need before
 * they open the competitive battlecard. Loaded once, after the content library.
 */
@Component
@Order(330)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoCourses implements ApplicationRunner {

    private static final Actor DEMO = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");

    private final Workspaces workspaces;
    private final Courses courses;
    private final ContentLibrary library;
    private final Certifications certifications;
    private final Requirements requirements;
    private final Programs programs;
    private final TransactionTemplate transactions;

    DemoCourses(
            Workspaces workspaces,
            Courses courses,
            ContentLibrary library,
            Certifications certifications,
            Requirements requirements,
            Programs programs,
            TransactionTemplate transactions) {
        this.workspaces = workspaces;
        this.courses = courses;
        this.library = library;
        this.certifications = certifications;
        this.requirements = requirements;
        this.programs = programs;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        AsSystem.in(workspace, DEMO, () -> {
            if (courses.list(true).isEmpty()) {
                transactions.executeWithoutResult(status -> load());
            }
            return null;
        });
    }

    private void load() {
        CourseView course = courses.create(new CourseInput(
                "Selling Northwind Cloud Suite",
                "The pitch, the first call and the price list: what every new partner needs before its first deal.",
                "ALL",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
        courses.addLesson(course.id(), lesson("TEXT", "Who buys Cloud Suite", """
                                Mid-sized distributors and retailers with **more than one warehouse**: they lose orders
                                when stock is wrong, and they feel it every week.

                                - Operations directors sign; finance approves.
                                - The trigger is a lost peak season, or an ERP contract ending.
                                """, null), null);
        library.find(null, null, false).assets().stream()
                .map(ContentLibrary.Listed::asset)
                .filter(a -> a.kind() == AssetKind.FILE && a.title().contains("pitch deck"))
                .findFirst()
                .ifPresent(deck -> courses.addLesson(
                        course.id(),
                        lesson(
                                "FILE",
                                "The pitch deck",
                                "Read it once, then pitch it aloud.",
                                deck.id().toString()),
                        null));
        LessonView quiz = courses.addLesson(
                course.id(),
                new LessonInput(
                        "QUIZ", "Check yourself", "Two questions; pass both.", null, null, "2", "100", "3", "10", null),
                null);
        courses.addQuestion(
                quiz.id(),
                new QuestionInput(
                        "Who signs a Cloud Suite purchase?",
                        List.of("The operations director", "The CFO alone", "IT support"),
                        List.of("1")));
        courses.addQuestion(
                quiz.id(),
                new QuestionInput(
                        "When should you register a deal?",
                        List.of("Before the demo", "After the contract is signed", "Never"),
                        List.of("1")));
        courses.addQuestion(
                quiz.id(),
                new QuestionInput(
                        "Which customers feel the problem most?",
                        List.of("Single-shop retailers", "Distributors with several warehouses", "Banks"),
                        List.of("2")));
        courses.publish(course.id());
        CertificationView seller = certifications.create(new CertificationInput(
                "Northwind certified seller",
                "Knows who buys Cloud Suite, how to pitch it and when to register a deal.",
                List.of(course.id().toString()),
                "24"));
        // Resellers open the competitive battlecard once one of their people is certified.
        programs.list().stream()
                .filter(p -> p.slug().equals("resellers"))
                .findFirst()
                .ifPresent(resellers -> library.find(null, null, false).assets().stream()
                        .map(ContentLibrary.Listed::asset)
                        .filter(a -> a.title().startsWith("Battlecard"))
                        .findFirst()
                        .ifPresent(battlecard -> requirements.create(new RequirementInput(
                                resellers.id().toString(),
                                seller.id().toString(),
                                "1",
                                RequirementSubject.ASSET.name(),
                                null,
                                battlecard.id().toString()))));
    }

    private static LessonInput lesson(String kind, String title, String body, String assetId) {
        return new LessonInput(kind, title, body, null, assetId, null, null, null, null, null);
    }
}
