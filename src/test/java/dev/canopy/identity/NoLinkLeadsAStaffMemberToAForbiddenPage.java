package dev.canopy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.canopy.identity.security.VendorUser;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.TrackingFixtures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every console link a staff member is shown, followed from the overview page by page, opens for that member's role:
 * a link or button that answers 403 to the person who sees it is a dead end (issue #19).
 */
@CanopyTest
class NoLinkLeadsAStaffMemberToAForbiddenPage {

    private static final Pattern HREF = Pattern.compile("href=\"(/app[^\"#?]*)");

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyLinkARoleIsShownOpensForIt(Role role) throws Exception {
        TrackingFixtures.Setup setup = new TrackingFixtures(context).setup();
        VendorUser member = role == Role.OWNER ? setup.tenant().owner() : fixtures.member(setup.tenant(), role);

        Set<String> seen = new LinkedHashSet<>(List.of("/app"));
        Deque<String> pages = new ArrayDeque<>(seen);
        List<String> forbidden = new ArrayList<>();
        while (!pages.isEmpty()) {
            String page = pages.poll();
            MockHttpServletResponse response = mvc.perform(get(page).with(Fixtures.signedIn(member)))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() == 403) {
                forbidden.add(page);
                continue;
            }
            String type = response.getContentType();
            if (response.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
                continue;
            }
            Matcher links = HREF.matcher(response.getContentAsString());
            while (links.find()) {
                if (seen.add(links.group(1))) {
                    pages.add(links.group(1));
                }
            }
        }

        assertThat(seen).as("pages reached").hasSizeGreaterThan(5);
        assertThat(forbidden).as("links shown to a %s that answer 403", role).isEmpty();
    }
}
