package dev.canopy.communications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** A blank or oversized title, a NUL in the body, another workspace's partner: each named, and nothing stored. */
@CanopyTest
class BadAnnouncementsAreRefusedByName {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Announcements announcements;

    @Autowired
    MockMvc mvc;

    @Test
    void eachFieldAtFaultIsNamedAndNothingIsStored() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        PartnerId stranger = fixtures.partnerOf(fixtures.partnerUser(fixtures.newWorkspace()));

        assertRefused(tenant, input(" ", "Body", List.of()), "title");
        assertRefused(tenant, input("x".repeat(201), "Body", List.of()), "title");
        assertRefused(tenant, input("Title", "Bad \u0000 byte", List.of()), "body");
        assertRefused(tenant, input("Title", "Body", List.of(stranger.value().toString())), "partnerIds");
        assertThatThrownBy(() -> fixtures.as(
                        tenant.owner(),
                        () -> announcements.create(new AnnouncementInput(
                                "Title",
                                "Body",
                                false,
                                "2027-02-01",
                                "2027-01-01",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("expiresAt"));

        assertThat(fixtures.count("communications_announcement", tenant.id())).isZero();
    }

    @Test
    void theApiAnswersAProblemNamingTheField() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);

        MockHttpServletResponse response = mvc.perform(post("/api/v1/announcements")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"body\":\"Hello\"}"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"title\"");
        assertThat(fixtures.count("communications_announcement", tenant.id())).isZero();
    }

    private void assertRefused(Fixtures.Tenant tenant, AnnouncementInput input, String field) {
        assertThatThrownBy(() -> fixtures.as(tenant.owner(), () -> announcements.create(input)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly(field));
    }

    private static AnnouncementInput input(String title, String body, List<String> partners) {
        return new AnnouncementInput(title, body, false, null, null, "ALL", null, null, null, null, partners);
    }
}
