package dev.canopy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.internal.LoginThrottle;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@CanopyTest
class SignInIsThrottledAndRenewsTheSession {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MvcResult login(String email, String password) throws Exception {
        return mvc.perform(
                        formLogin("/login").userParameter("email").user(email).password(password))
                .andReturn();
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordWaitsUntilTheWindowPasses() throws Exception {
        String email = fixtures.newWorkspace().owner().email();
        String bystander = fixtures.newWorkspace().owner().email();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
            assertThat(login(email, "wrong password " + i).getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        assertThat(login(email, Fixtures.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?locked=15");
        // Another account from the same client is not locked by these five.
        assertThat(login(bystander, Fixtures.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/app");

        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertThat(login(email, Fixtures.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/app");
    }

    @Test
    void signingInGivesANewSessionIdAndSigningOutEndsIt() throws Exception {
        String email = fixtures.newWorkspace().owner().email();
        Cookie anonymous = Fixtures.session(mvc.perform(get("/login")).andReturn());

        MvcResult signedIn = mvc.perform(post("/login")
                        .cookie(anonymous)
                        .with(csrf())
                        .param("email", email)
                        .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/app"))
                .andReturn();
        Cookie session = Fixtures.session(signedIn);
        assertThat(session.getValue()).isNotEqualTo(anonymous.getValue());
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSecure()).isTrue();
        assertThat(signedIn.getResponse().getHeader("Set-Cookie")).contains("SameSite=Lax");

        mvc.perform(get("/app").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/app").cookie(session)).andExpect(redirectedUrl("/login"));
    }
}
