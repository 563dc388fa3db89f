package dev.canopy.communications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.deals.DealFixtures;
import dev.canopy.enablement.AssetInput;
import dev.canopy.enablement.ContentLibrary;
import dev.canopy.enablement.CourseInput;
import dev.canopy.enablement.CourseView;
import dev.canopy.enablement.Courses;
import dev.canopy.enablement.LessonInput;
import dev.canopy.enablement.internal.AssetRelease;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CONTENT and TRAINING kinds a partner user chooses a delivery for: a live asset for EMEA and a course published
 * for EMEA notify EMEA's partner users once each (a course unpublished and published again notifies nobody twice);
 * the partner in APAC hears of neither. An asset scheduled for later is announced when its day comes, once however
 * often the release job runs.
 */
@CanopyTest
class NewContentAndCoursesReachTheirAudiencesBells {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ContentLibrary library;

    @Autowired
    Courses courses;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    JdbcClient db;

    @Autowired
    AssetRelease release;

    @Autowired
    MutableClock clock;

    @AfterEach
    void backToTheSharedTimeline() {
        clock.reset();
    }

    @Test
    void eachAudienceHearsOnceAndNobodyElse() {
        CommunicationsFixtures c = new CommunicationsFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        DealFixtures.Member emea = c.partnerIn(tenant, "EMEA");
        DealFixtures.Member apac = c.partnerIn(tenant, "APAC");
        preferences.choose(tenant.id(), c.userId(emea.email()), NotificationKind.CONTENT, Delivery.IN_APP);

        fixtures.as(tenant.owner(), () -> library.create(asset("EMEA price list", "EMEA", null)));
        fixtures.as(
                tenant.owner(),
                () -> library.create(asset(
                        "Next week's deck",
                        "EMEA",
                        MutableClock.today().plusDays(7).toString())));
        CourseView course = fixtures.as(tenant.owner(), () -> {
            CourseView created = courses.create(
                    new CourseInput("Selling in EMEA", "", "ALL", null, null, null, List.of("EMEA"), null));
            courses.addLesson(
                    created.id(),
                    new LessonInput("TEXT", "Pitch", "Read this.", null, null, null, null, null, null, null),
                    null);
            return courses.publish(created.id());
        });
        fixtures.as(
                tenant.owner(),
                () -> courses.publish(courses.unpublish(course.id()).id()));

        release.release();
        assertThat(subjects(emea, "CONTENT"))
                .as("the live asset, in the portal only as chosen; not yet the one for next week")
                .containsExactly("EMEA price list");
        assertThat(subjects(emea, "TRAINING")).containsExactly("Selling in EMEA");
        assertThat(subjects(apac, "CONTENT")).isEmpty();

        clock.advance(Duration.ofDays(8));
        release.release();
        release.release();
        assertThat(subjects(emea, "CONTENT")).containsExactly("EMEA price list", "Next week's deck");
        assertThat(subjects(apac, "CONTENT")).isEmpty();
        assertThat(subjects(apac, "TRAINING")).isEmpty();
        assertThat(db.sql("select mail from communications_notification where partner_user_id = ? and kind = 'CONTENT'")
                        .param(c.userId(emea.email()))
                        .query(String.class)
                        .list())
                .as("the portal only, as chosen")
                .containsExactly("NONE", "NONE");
    }

    private List<String> subjects(DealFixtures.Member member, String kind) {
        return db.sql("""
                        select n.subject from communications_notification n
                          join identity_partner_user u on u.id = n.partner_user_id
                         where u.email = ? and n.kind = ? order by n.created_at""").param(member.email()).param(kind).query(String.class).list();
    }

    private static AssetInput asset(String title, String region, String publishFrom) {
        return new AssetInput(
                "LINK",
                title,
                "",
                "Sales",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "https://vendor.example/" + title.length(),
                null,
                "ALL",
                null,
                null,
                null,
                List.of(region),
                null,
                publishFrom,
                null);
    }
}
