package dev.canopy.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.campaigns.internal.CampaignDelivery;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An integrator drives a campaign from draft to report with an API key alone: creates and changes it, sends it to a
 * programme's two partners, reads it, its report and its recipients a page at a time, records a bounce and an
 * unsubscribe from its mail provider (the next campaign skips that address), and switches a triggered campaign on
 * and off again.
 */
@CanopyTest
class IntegratorsRunCampaignsThroughTheApi {

    private static final String API = "/api/v1/campaigns";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    CampaignDelivery delivery;

    private String key;

    @Test
    void aCampaignFromDraftToReportAndATriggeredOneOnAndOff() throws Exception {
        CampaignFixtures f = new CampaignFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        key = "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        ProgramView program = f.deals().program(tenant);
        DealFixtures.Member bouncer = f.deals().member(tenant, program);
        DealFixtures.Member reader = f.deals().member(tenant, program);
        String programId = program.id().value().toString();

        String location = call(json(post(API), body("Draft subject", "SEGMENT", programId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String subject = "Autumn news " + Fixtures.unique("s");
        call(json(put(location), body(subject, "SEGMENT", programId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value(subject))
                .andExpect(jsonPath("$.programIds[0]").value(programId));
        call(json(post(location + "/send"), "{}")).andExpect(status().isOk());
        delivery.run();

        call(get(location))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SENT"))
                .andExpect(jsonPath("$.finishedAt").isNotEmpty());
        call(get(location + "/recipients?limit=1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data", Matchers.hasSize(1)))
                .andExpect(jsonPath("$.data[0].status").value("SENT"))
                .andExpect(jsonPath("$.nextCursor").isNotEmpty());
        assertThat(f.messages(tenant, subject)).hasSize(2);

        call(json(post(API + "/bounces"), "{\"address\":\"" + bouncer.email() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.campaignId").value(location.substring(location.lastIndexOf('/') + 1)))
                .andExpect(jsonPath("$.stoppedBecause").doesNotExist());
        call(json(post(API + "/unsubscribes"), "{\"address\":\"" + reader.email() + "\"}"))
                .andExpect(status().isNoContent());
        call(get(location + "/report"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients").value(2))
                .andExpect(jsonPath("$.sent").value(2))
                .andExpect(jsonPath("$.bounced").value(1))
                .andExpect(jsonPath("$.bounceRate").value("50.0"));

        // The unsubscribed address is skipped by the next campaign.
        String next = "Winter news " + Fixtures.unique("s");
        String second = call(json(post(API), body(next, "SEGMENT", programId)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        call(json(post(second + "/send"), "{}")).andExpect(status().isOk());
        delivery.run();
        call(get(second + "/report"))
                .andExpect(jsonPath("$.sent").value(1))
                .andExpect(jsonPath("$.skippedUnsubscribed").value(1));
        assertThat(f.messages(tenant, next)).extracting(m -> m.to()).containsExactly(bouncer.email());

        String welcome = call(json(post(API), body("Welcome", "PARTNER_JOINED", programId)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        call(post(welcome + "/activate"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        call(post(welcome + "/stop"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("STOPPED"));
        call(get(API + "?limit=5"))
                .andExpect(jsonPath("$.data", Matchers.hasSize(3)))
                .andExpect(jsonPath("$.data[*].status", Matchers.containsInAnyOrder("SENT", "SENT", "STOPPED")));
    }

    private static String body(String subject, String trigger, String programId) {
        return """
                {"name":"Campaign %s","subject":"%s","body":"Hello {{user.name}}, news for **{{programme.name}}**.",
                 "trigger":"%s","programIds":["%s"]}""".formatted(subject, subject, trigger, programId);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", key));
    }
}
