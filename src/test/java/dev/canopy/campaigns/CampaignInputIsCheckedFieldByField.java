package dev.canopy.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A blank subject, a NUL, an unknown merge field, a past time or another workspace's partner: named, nothing stored. */
@CanopyTest
class CampaignInputIsCheckedFieldByField {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Campaigns campaigns;

    @Autowired
    MockMvc mvc;

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() throws Exception {
        CampaignFixtures f = new CampaignFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        Fixtures.Tenant other = fixtures.newWorkspace();
        ProgramView program = f.deals().program(tenant);
        DealFixtures.Member stranger = f.deals().member(other, f.deals().program(other));

        refused(tenant, "subject", () -> input(" ", "Hello", List.of()));
        refused(tenant, "body", () -> input("Hi", "Hello\u0000there", List.of()));
        refused(tenant, "body", () -> input("Hi", "Hello {{user.shoe_size}}", List.of()));
        refused(tenant, "subject", () -> input("Hi {{coupon}}", "Hello", List.of()));
        refused(
                tenant,
                "partnerIds",
                () -> input("Hi", "Hello", List.of(stranger.id().value().toString())));
        assertThat(f.deals().asStaff(tenant, campaigns::list)).isEmpty();
        assertThatThrownBy(() ->
                        f.deals().asStaff(tenant, () -> campaigns.create(input("Hi", "Hello {{shoe}}", List.of()))))
                .hasMessageContaining("{{shoe}}");

        CampaignView draft = f.draft(tenant, CampaignFixtures.toProgram("Later", program));
        assertThatThrownBy(() -> f.deals().asStaff(tenant, () -> campaigns.schedule(draft.id(), "2020-01-01T09:00")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("sendAt"));
        assertThat(f.deals().asStaff(tenant, () -> campaigns.get(draft.id())).status())
                .isEqualTo(CampaignStatus.DRAFT);

        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        mvc.perform(post("/api/v1/campaigns")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"N\",\"subject\":\"Hi {{nope}}\",\"body\":\"B\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
        mvc.perform(post("/api/v1/campaigns/" + draft.id() + "/send")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sendAt\":\"2020-01-01T09:00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sendAt"));
        mvc.perform(post("/api/v1/campaigns")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Scheduled\",\"subject\":\"Hi {{partner.name}}\",\"body\":\"B\","
                                + "\"programIds\":[\"" + program.id().value() + "\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        assertThat(f.deals().asStaff(tenant, campaigns::list)).hasSize(2);
    }

    @Test
    void theEditorPreviewsForAMemberOfTheSegment() throws Exception {
        CampaignFixtures f = new CampaignFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.deals().program(tenant);
        f.deals().member(tenant, program);
        CampaignView draft = f.draft(tenant, CampaignFixtures.toProgram("Preview me {{partner.name}}", program));

        mvc.perform(get("/app/campaigns/new").with(Fixtures.signedIn(tenant.owner())))
                .andExpect(status().isOk());
        mvc.perform(get("/app/campaigns/" + draft.id()).with(Fixtures.signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("preview-sample")));
        mvc.perform(get("/app/campaigns/" + draft.id() + "/preview").with(Fixtures.signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Preview me Partner ")))
                .andExpect(content().string(containsString("Hello Partner Person of Partner ")))
                .andExpect(content().string(containsString("Unsubscribe")));
    }

    private void refused(Fixtures.Tenant tenant, String field, Supplier<CampaignInput> input) {
        assertThatThrownBy(() -> new DealFixtures(context).asStaff(tenant, () -> campaigns.create(input.get())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly(field));
    }

    private static CampaignInput input(String subject, String body, List<String> partnerIds) {
        return new CampaignInput(
                "A campaign",
                subject,
                body,
                "SEGMENT",
                null,
                "ALL",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                partnerIds);
    }
}
