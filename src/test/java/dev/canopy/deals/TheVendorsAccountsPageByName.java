package dev.canopy.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A vendor's account list (tens of thousands of rows for some) is paged in the database by name and domain:
 * accounts that share a name are each on exactly one page, in the list's order.
 */
@CanopyTest
class TheVendorsAccountsPageByName {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void everyAccountOnceInNameOrderWhateverTheLimit() throws Exception {
        String key = "Bearer " + fixtures.apiKey(fixtures.newWorkspace(), ApiKeyScope.READ_WRITE);
        String csv = """
                name,domain,status
                Initech,initech-b.com,CUSTOMER
                acme,acme.com,PROSPECT
                Initech,initech-a.com,OPEN_OPPORTUNITY
                Globex,globex.com,CUSTOMER
                Initech,initech-c.com,PROSPECT
                """;
        mvc.perform(put("/api/v1/account-mapping/accounts")
                .header("Authorization", key)
                .contentType("text/csv")
                .content(csv));

        for (int limit : new int[] {1, 2, 3, 5}) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                var request = get("/api/v1/account-mapping/accounts")
                        .param("limit", String.valueOf(limit))
                        .header("Authorization", key);
                if (cursor != null) {
                    request = request.param("cursor", cursor);
                }
                JsonNode page = JsonMapper.builder()
                        .build()
                        .readTree(mvc.perform(request)
                                .andReturn()
                                .getResponse()
                                .getContentAsString(StandardCharsets.UTF_8));
                page.path("data")
                        .forEach(account -> seen.add(account.path("domain").asString()));
                cursor = page.path("nextCursor").isString()
                        ? page.path("nextCursor").asString()
                        : null;
            } while (cursor != null);
            assertThat(seen)
                    .as("limit %d", limit)
                    .containsExactly("acme.com", "globex.com", "initech-a.com", "initech-b.com", "initech-c.com");
        }
    }
}
