package dev.canopy.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What the account-mapping tests share: setting both sides' levels, and reading answers raw. */
final class SharingLevels {

    private final MockMvc mvc;
    private final DealFixtures f;

    SharingLevels(MockMvc mvc, DealFixtures f) {
        this.mvc = mvc;
        this.f = f;
    }

    /** The vendor shares {@code vendorLevel} with the partner (by API key), the partner {@code partnerLevel}. */
    void share(String apiKey, DealFixtures.Member partner, String vendorLevel, String partnerLevel) throws Exception {
        mvc.perform(put("/api/v1/account-mapping/partners/" + partner.id() + "/sharing")
                        .header("Authorization", "Bearer " + apiKey)
                        .contentType("application/json")
                        .content("{\"level\":\"" + vendorLevel + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/portal/accounts/sharing")
                        .param("level", partnerLevel)
                        .with(f.portal(partner))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    /** The answer's body as sent, after checking it is a 200. */
    String read(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Each text is in the page when {@code shown}, and nowhere in it otherwise. */
    static void assertShown(String page, boolean shown, String... texts) {
        for (String text : texts) {
            if (shown) {
                assertThat(page).contains(text);
            } else {
                assertThat(page).doesNotContain(text);
            }
        }
    }
}
