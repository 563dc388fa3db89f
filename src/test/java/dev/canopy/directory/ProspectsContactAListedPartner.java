package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A prospect's request through a listed partner's profile becomes exactly one lead attributed to that partner, and a
 * request the partner reads in its portal, however often the form is sent; bad input is refused beside its field
 * and stores nothing.
 */
@CanopyTest
class ProspectsContactAListedPartner {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient db;

    private DirectoryFixtures f;
    private DirectoryFixtures.Listed partner;
    private String contact;

    @BeforeEach
    void aListedPartner() {
        f = new DirectoryFixtures(context);
        partner = f.listed(f.gold, DirectoryFixtures.profile(List.of("Implementation"), List.of(), List.of("EMEA")));
        contact = "/directory/" + f.tenant.slug() + "/" + partner.slug() + "/contact";
    }

    @Test
    void theRequestBecomesOneLeadForThePartnerEvenWhenSentTwice() throws Exception {
        String token = token();
        String email = Fixtures.uniqueEmail("prospect");
        for (int i = 0; i < 2; i++) {
            mvc.perform(send(
                            token,
                            Map.of(
                                    "name",
                                    "Ann Prospect",
                                    "email",
                                    email,
                                    "company",
                                    "Initech",
                                    "message",
                                    "We need help with a rollout.")))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(header().string(
                                    "Location", "/directory/" + f.tenant.slug() + "/" + partner.slug() + "?sent"));
        }
        assertThat(db.sql("""
                        select count(*) from tracking_conversion c join tracking_event e on e.id = c.event_id
                        where c.workspace_id = ? and c.kind = 'LEAD' and e.external_id = ? and c.partner_id = ?
                        """)
                        .params(
                                f.tenant.id().value(),
                                "directory:" + token,
                                partner.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(db.sql("select partner_id from tracking_customer where workspace_id = ? and email = ?")
                        .params(f.tenant.id().value(), email)
                        .query(UUID.class)
                        .single())
                .isEqualTo(partner.id().value());
        String portal = mvc.perform(get("/portal/directory")
                        .with(new dev.canopy.deals.DealFixtures(context).portal(partner.member())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(portal).contains("We need help with a rollout.").contains(email);
        assertThat(requests()).isEqualTo(1);
        mvc.perform(get("/directory/" + f.tenant.slug() + "/" + partner.slug()).param("sent", ""))
                .andExpect(status().isOk());
    }

    @Test
    void badInputIsRefusedBesideItsFieldAndStoresNothing() throws Exception {
        Map<String, String> good = Map.of("name", "Ann", "email", "ann@initech.example", "message", "Hello");
        expectRefused(with(good, "email", "not-an-email"), "email");
        expectRefused(with(good, "name", ""), "name");
        expectRefused(with(good, "message", " "), "message");
        expectRefused(with(good, "name", "=HYPERLINK(\"http://evil.example\")"), "name");
        expectRefused(with(good, "company", "@SUM(A1)"), "company");
        expectRefused(with(good, "message", "x".repeat(2_001)), "message");
        expectRefused(with(good, "name", "y".repeat(121)), "name");
        mvc.perform(post(contact)
                        .params(params(token(), good))
                        .param("token", "not-a-token")
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        // NUL and control characters never reach the form: refused for the whole request, naming the field.
        String nul = mvc.perform(send(token(), with(good, "name", "A\u0000nn")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(nul).contains("name");
        assertThat(requests()).isZero();
        assertThat(leads()).isZero();
    }

    @Test
    void aBotThatFillsTheHoneypotIsThankedAndNothingIsStored() throws Exception {
        mvc.perform(send(
                        token(), Map.of("name", "Bot", "email", "bot@spam.example", "message", "Buy", "homepage", "x")))
                .andExpect(status().is3xxRedirection());
        assertThat(requests()).isZero();
        assertThat(leads()).isZero();
    }

    @Test
    void oneNetworkSendsAtMostFiveRequestsAnHour() throws Exception {
        String network = "198.51." + (int) (Math.random() * 250) + ".7";
        for (int i = 0; i < PublicDirectory.RATE_LIMIT; i++) {
            mvc.perform(send(token(), Map.of("name", "Ann", "email", "ann" + i + "@initech.example", "message", "Hi"))
                            .with(r -> {
                                r.setRemoteAddr(network);
                                return r;
                            }))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(send(token(), Map.of("name", "Ann", "email", "ann9@initech.example", "message", "Hi"))
                        .with(r -> {
                            r.setRemoteAddr(network);
                            return r;
                        }))
                .andExpect(status().isTooManyRequests());
        assertThat(requests()).isEqualTo(PublicDirectory.RATE_LIMIT);
    }

    private void expectRefused(Map<String, String> fields, String field) throws Exception {
        String html = mvc.perform(send(token(), fields))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // The form again, the field marked and its problem beside it.
        assertThat(html)
                .as(field)
                .containsPattern("id=\"" + field + "\"[^>]*is-invalid|is-invalid[^>]*id=\"" + field + "\"");
    }

    private MockHttpServletRequestBuilder send(String token, Map<String, String> fields) {
        return post(contact).params(params(token, fields)).with(csrf());
    }

    private static org.springframework.util.MultiValueMap<String, String> params(
            String token, Map<String, String> fields) {
        org.springframework.util.LinkedMultiValueMap<String, String> params =
                new org.springframework.util.LinkedMultiValueMap<>();
        params.add("token", token);
        fields.forEach(params::add);
        return params;
    }

    private static Map<String, String> with(Map<String, String> good, String field, String value) {
        Map<String, String> copy = new java.util.HashMap<>(good);
        copy.put(field, value);
        return copy;
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }

    private int requests() {
        return db.sql("select count(*) from directory_contact where workspace_id = ?")
                .param(f.tenant.id().value())
                .query(Integer.class)
                .single();
    }

    private int leads() {
        return db.sql("select count(*) from tracking_event where workspace_id = ?")
                .param(f.tenant.id().value())
                .query(Integer.class)
                .single();
    }
}
