package dev.canopy.enablement;

import static dev.canopy.enablement.CourseFixtures.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator defines two certifications, reads them a page at a time, awards one to a partner's person for a
 * classroom session, reads its holders and the certificate, then revokes it. An award without a reason, on a bad day
 * or to no partner id answers a problem naming the field and stores nothing; another workspace's certification,
 * partner and certificate answer 404; a read-only key may not award, and a partner's portal user is refused.
 */
@CanopyTest
class IntegratorsManageCertificationsThroughTheApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Autowired
    Courses courses;

    @Autowired
    Certifications certifications;

    @Autowired
    Clock clock;

    @Test
    void aCertificationIsDefinedAwardedReadAndRevoked() throws Exception {
        DealFixtures f = new DealFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        DealFixtures.Member member = f.member(tenant, f.program(tenant));
        UUID course = f.asStaff(tenant, () -> courses.create(CourseFixtures.everyone("Seller basics")))
                .id();
        UUID person = f.asStaff(tenant, () -> certifications.people(member.id()))
                .getFirst()
                .id();
        String key = "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        LocalDate classroom =
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(30);

        JsonNode seller = json(mvc.perform(send(post("/api/v1/certifications"), key, """
                        {"name":"Certified seller","description":"Sells the suite","courseIds":["%s"],"validMonths":12}
                        """.formatted(course)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.validMonths").value(12))
                .andExpect(jsonPath("$.courseIds[0]").value(course.toString())));
        String certification = seller.get("id").asString();
        var expert = mvc.perform(send(post("/api/v1/certifications"), key, """
                        {"name":"Certified expert","courseIds":["%s"]}
                        """.formatted(course)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.validMonths").doesNotExist());
        expert.andExpect(header().string(
                        "Location",
                        "/api/v1/certifications/" + json(expert).get("id").asString()));
        mvc.perform(send(post("/api/v1/certifications"), key, """
                        {"name":"Nothing to earn it by","courseIds":[]}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("courseIds"));

        JsonNode first = json(mvc.perform(get("/api/v1/certifications?limit=1").header("Authorization", key))
                .andExpect(status().isOk()));
        assertThat(first.get("data")).hasSize(1);
        JsonNode second = json(mvc.perform(get("/api/v1/certifications?limit=1")
                        .param("cursor", first.get("nextCursor").asString())
                        .header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextCursor").doesNotExist()));
        assertThat(List.of(
                        first.get("data").get(0).get("name").asString(),
                        second.get("data").get(0).get("name").asString()))
                .containsExactlyInAnyOrder("Certified seller", "Certified expert");
        mvc.perform(get("/api/v1/certifications/" + certification).header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Certified seller"))
                .andExpect(jsonPath("$.description").value("Sells the suite"));

        String holders = "/api/v1/certifications/" + certification + "/certificates";
        String award = """
                {"partnerId":"%s","personId":"%s","reason":%s,"earnedOn":"%s"}
                """;
        mvc.perform(send(post(holders), key, """
                        {"partnerId":"%s","personId":"%s"}
                        """.formatted(member.id().value(), person)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(send(post(holders), key, award.formatted(member.id().value(), person, "\"Lyon\"", "2026-13-01")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("earnedOn"));
        mvc.perform(send(post(holders), key, award.formatted("not-a-partner", person, "\"Lyon\"", classroom)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("partnerId"));
        assertThat(certificates(tenant)).isZero();

        JsonNode awarded = json(mvc.perform(send(
                        post(holders),
                        key,
                        award.formatted(member.id().value(), person, "\"Classroom session in Lyon\"", classroom)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.personName").value("Partner Person"))
                .andExpect(jsonPath("$.state").value("ACTIVE"))
                .andExpect(jsonPath("$.earnedAt").value(classroom + "T00:00:00Z"))
                .andExpect(jsonPath("$.expiresAt").value(classroom.plusMonths(12) + "T00:00:00Z"))
                .andExpect(jsonPath("$.awardReason").value("Classroom session in Lyon")));
        String certificate = awarded.get("id").asString();
        String code = awarded.get("verificationCode").asString();
        assertThat(awarded.get("verificationUrl").asString()).endsWith("/verify/" + code);

        mvc.perform(get(holders + "?limit=1").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.length()").value(1))
                .andExpect(jsonPath("$.data[0].id").value(certificate))
                .andExpect(jsonPath("$.data[0].partnerId")
                        .value(member.id().value().toString()))
                .andExpect(jsonPath("$.data[0].verificationUrl", endsWith("/verify/" + code)))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        mvc.perform(get("/api/v1/certificates/" + certificate).header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certification").value("Certified seller"))
                .andExpect(jsonPath("$.personId").value(person.toString()));

        String revoke = "/api/v1/certificates/" + certificate + "/revoke";
        mvc.perform(send(post(revoke), key, "{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(send(post(revoke), key, "{\"reason\":\"Left the partner company\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REVOKED"))
                .andExpect(jsonPath("$.revokeReason").value("Left the partner company"));
        mvc.perform(send(post(revoke), key, "{\"reason\":\"Again\"}")).andExpect(status().isConflict());
        mvc.perform(get("/verify/" + code)).andExpect(status().isOk());

        Fixtures.Tenant other = fixtures.newWorkspace();
        String otherKey = "Bearer " + fixtures.apiKey(other, ApiKeyScope.READ_WRITE);
        DealFixtures.Member stranger = f.member(other, f.program(other));
        mvc.perform(get("/api/v1/certifications/" + certification).header("Authorization", otherKey))
                .andExpect(status().isNotFound());
        mvc.perform(get(holders).header("Authorization", otherKey)).andExpect(status().isNotFound());
        mvc.perform(send(post(holders), otherKey, award.formatted(member.id().value(), person, "\"Mine\"", "")))
                .andExpect(status().isNotFound());
        mvc.perform(send(post(holders), key, award.formatted(stranger.id().value(), person, "\"Theirs\"", "")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/certificates/" + certificate).header("Authorization", otherKey))
                .andExpect(status().isNotFound());
        mvc.perform(send(post(revoke), otherKey, "{\"reason\":\"Mine\"}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/certifications").header("Authorization", otherKey))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.length()").value(0));

        String readOnly = "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ);
        mvc.perform(send(
                        post(holders),
                        readOnly,
                        award.formatted(member.id().value(), person, "\"Read-only\"", classroom)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/certifications").with(f.portal(member))).andExpect(status().isForbidden());
        assertThat(certificates(tenant)).isEqualTo(1);
    }

    private long certificates(Fixtures.Tenant tenant) {
        return db.sql("select count(*) from enablement_certificate where workspace_id = ?")
                .param(tenant.id().value())
                .query(Long.class)
                .single();
    }

    @Test
    void aRequirementIsSetReadAndRemoved() throws Exception {
        DealFixtures f = new DealFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        var program = f.program(tenant);
        UUID course = f.asStaff(tenant, () -> courses.create(CourseFixtures.everyone("Seller basics")))
                .id();
        CertificationView seller = f.asStaff(
                tenant,
                () -> certifications.create(
                        new CertificationInput("Certified seller", "", List.of(course.toString()), "12")));
        String key = "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        String body = """
                {"programId":"%s","certificationId":"%s","minPeople":2,"subject":"DEAL_REGISTRATION"}
                """.formatted(program.id(), seller.id());

        var created = mvc.perform(send(post("/api/v1/requirements"), key, body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.programName").value(program.name()))
                .andExpect(jsonPath("$.certificationName").value("Certified seller"))
                .andExpect(jsonPath("$.minPeople").value(2));
        String id = json(created).get("id").asString();
        created.andExpect(header().string("Location", "/api/v1/requirements/" + id));
        mvc.perform(send(post("/api/v1/requirements"), key, body)).andExpect(status().isConflict());
        mvc.perform(send(post("/api/v1/requirements"), key, """
                        {"certificationId":"%s","minPeople":0,"subject":"TIER"}
                        """.formatted(seller.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("minPeople", "tierId")));
        mvc.perform(get("/api/v1/requirements").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.length()").value(1))
                .andExpect(jsonPath("$.data[0].subject").value("DEAL_REGISTRATION"));
        mvc.perform(get("/api/v1/requirements/" + id).header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificationId").value(seller.id().toString()));

        mvc.perform(delete("/api/v1/requirements/" + id).header("Authorization", key))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/requirements/" + id).header("Authorization", key))
                .andExpect(status().isNotFound());
    }

    private static JsonNode json(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
