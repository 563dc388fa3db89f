package dev.canopy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.testing.CanopyTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Pages name scripts and styles by a hash of their content, and those are cached for a year; pages never are. */
@CanopyTest
class StaticFilesAreCachedUnderTheirContentHash {

    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars|images)/[^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Test
    void everyScriptAndStyleOfAPageIsHashedAndKeptForAYear() throws Exception {
        var page = mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(page.getHeader("Cache-Control")).contains("no-store");

        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(page.getContentAsString());
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).hasSizeGreaterThanOrEqualTo(6).allMatch(a -> a.matches(".*-[0-9a-f]{32}\\.[a-z0-9]+"));
        for (String asset : assets) {
            var file = mvc.perform(get(asset))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse();
            assertThat(file.getHeader("Cache-Control")).as(asset).isEqualTo("max-age=31536000, public");
        }
    }
}
