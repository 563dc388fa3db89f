package dev.canopy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealView;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.TrackingFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations that no other test completes, each called once to success so that the contract check on every
 * exchange ({@code OpenApiContract}) holds its answer to the document: reading one partner, link, lead, deal,
 * customer and invitation, a partner's contacts, a deal moved through its stages to lost and another rejected,
 * a link disabled, a routing rule weighted and removed, an invitation revoked, a held commission released.
 */
@CanopyTest
class TheLessTravelledOperationsAnswerAsDocumented {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    private String key;

    @Test
    void eachAnswersWithWhatTheDocumentDescribes() throws Exception {
        TrackingFixtures.Setup setup = new TrackingFixtures(context).setup();
        key = setup.apiKey();
        String partner = setup.partner().value().toString();

        ok(get("/api/v1/partners/" + partner));
        ok(get("/api/v1/partners/" + partner + "/contacts"));
        ok(get("/api/v1/links/" + setup.link().id()));
        ok(json(post("/api/v1/links/" + setup.link().id() + "/disabled"), "{\"disabled\":true}"));

        String lead = ok(json(post("/api/v1/leads"), """
                        {"accountName":"Umbrella","contactName":"Alice","contactEmail":"alice@umbrella.example"}""")).path("id").asString();
        ok(get("/api/v1/leads/" + lead));

        String customer = ok(json(post("/api/v1/events/lead"), "{\"id\":\"lt-1\",\"email\":\"buyer@initech.example\"}"))
                .path("customerId")
                .asString();
        ok(get("/api/v1/customers/" + customer));

        String invitation = ok(json(
                        post("/api/v1/invitations"),
                        "{\"email\":\"" + Fixtures.uniqueEmail("inv") + "\",\"role\":\"ANALYST\"}"))
                .path("id")
                .asString();
        ok(get("/api/v1/invitations/" + invitation));
        ok(delete("/api/v1/invitations/" + invitation));

        DealFixtures deals = new DealFixtures(context);
        ProgramView resellers = deals.program(setup.tenant());
        DealFixtures.Member member = deals.member(setup.tenant(), resellers);
        DealView lost = deals.register(member, resellers, "Initech", "initech.example");
        DealView rejected = deals.register(member, resellers, "Hooli", "hooli.example");
        String rule = ok(json(post("/api/v1/lead-routing-rules"), "{\"name\":\"EMEA resellers\",\"region\":\"EMEA\"}"))
                .path("id")
                .asString();
        ok(json(
                post("/api/v1/lead-routing-rules/" + rule + "/weights"),
                "{\"partnerId\":\"" + member.id() + "\",\"weight\":\"2\"}"));
        ok(delete("/api/v1/lead-routing-rules/" + rule));

        ok(post("/api/v1/deals/" + lost.id() + "/approve"));
        ok(get("/api/v1/deals/" + lost.id()));
        ok(json(post("/api/v1/deals/" + lost.id() + "/stage"), "{\"stage\":\"PROPOSAL\"}"));
        ok(post("/api/v1/deals/" + lost.id() + "/extension"));
        ok(json(post("/api/v1/deals/" + lost.id() + "/lost"), "{\"reason\":\"Went elsewhere\"}"));
        ok(json(post("/api/v1/deals/" + rejected.id() + "/reject"), "{\"reason\":\"Not a fit\"}"));

        CommissionFixtures commissions = new CommissionFixtures(context);
        ProgramView referrals = commissions.referralProgram(setup.tenant(), "EUR", 30);
        DealFixtures.Member referrer = commissions.member(setup.tenant(), referrals);
        commissions.rule(setup.tenant(), referrals, CommissionFixtures.referralFee("10"));
        commissions.dealWon(setup.tenant(), referrals, referrer.id(), "1000", "EUR");
        String commission = ok(get("/api/v1/commissions")
                        .param("partnerId", referrer.id().toString()))
                .path("data")
                .get(0)
                .path("id")
                .asString();
        String ids = "{\"ids\":[\"" + commission + "\"],\"reason\":\"Checked by finance\"}";
        ok(json(post("/api/v1/commissions/hold"), ids));
        JsonNode released = ok(json(post("/api/v1/commissions/release"), ids));
        assertThat(released.path("moved").asInt()).isEqualTo(1);
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** The answer, which must be a success; the contract check has held it to the document already. */
    private JsonNode ok(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.header("Authorization", "Bearer " + key))
                .andReturn()
                .getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isBetween(200, 299);
        return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
    }
}
