package dev.canopy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.platform.internal.MailSink;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@CanopyTest
class PasswordResetByEmailLink {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Autowired
    MockMvc mvc;

    @Autowired
    MailSink mail;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String requestLink(String email) throws Exception {
        int before = mail.messagesTo(email).size();
        mvc.perform(post("/forgot-password").with(csrf()).param("email", email))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("If an account uses that address")));
        var received = mail.messagesTo(email);
        assertThat(received).hasSize(before + 1);
        String link = received.getLast().links().stream()
                .filter(l -> l.contains("/reset-password?token="))
                .findFirst()
                .orElseThrow();
        return link.substring(link.indexOf("/reset-password"));
    }

    private static String token(String path) {
        return path.substring(path.indexOf("token=") + 6);
    }

    @Test
    void theLinkSetsANewPasswordOnce() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String email = tenant.owner().email();
        var elsewhere = Fixtures.session(mvc.perform(
                        formLogin("/login").userParameter("email").user(email).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/app"))
                .andReturn());
        String link = requestLink(email);

        mvc.perform(get(link)).andExpect(status().isOk()).andExpect(model().attribute("usable", true));
        mvc.perform(post("/reset-password")
                        .with(csrf())
                        .param("token", token(link))
                        .param("password", NEW_PASSWORD))
                .andExpect(redirectedUrl("/login?reset"));
        // The reset signs the account out everywhere else.
        mvc.perform(get("/app").cookie(elsewhere)).andExpect(redirectedUrl("/login"));

        mvc.perform(formLogin("/login").userParameter("email").user(email).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(NEW_PASSWORD))
                .andExpect(redirectedUrl("/app"));

        mvc.perform(post("/reset-password")
                        .with(csrf())
                        .param("token", token(link))
                        .param("password", "yet another passphrase"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "token"));
    }

    @Test
    void theLinkExpiresAfterAnHour() throws Exception {
        String email = fixtures.newWorkspace().owner().email();
        String link = requestLink(email);
        clock.advance(Passwords.RESET_LINK_VALIDITY.plus(Duration.ofSeconds(1)));
        mvc.perform(get(link)).andExpect(model().attribute("usable", false));
        mvc.perform(post("/reset-password")
                        .with(csrf())
                        .param("token", token(link))
                        .param("password", NEW_PASSWORD))
                .andExpect(model().attributeHasFieldErrors("form", "token"));
        clock.reset();
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/app"));
    }

    @Test
    void aShortNewPasswordIsRefusedAndTheLinkStaysUsable() throws Exception {
        String email = fixtures.newWorkspace().owner().email();
        String link = requestLink(email);
        mvc.perform(post("/reset-password")
                        .with(csrf())
                        .param("token", token(link))
                        .param("password", "short"))
                .andExpect(model().attributeHasFieldErrors("form", "password"));
        mvc.perform(get(link)).andExpect(model().attribute("usable", true));
    }

    @Test
    void unknownAddressesGetTheSameAnswerAndNoMail() throws Exception {
        String stranger = Fixtures.uniqueEmail("nobody");
        mvc.perform(post("/forgot-password").with(csrf()).param("email", stranger))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("If an account uses that address")));
        assertThat(mail.messagesTo(stranger)).isEmpty();
        mvc.perform(post("/forgot-password").with(csrf()).param("email", "not an email"))
                .andExpect(model().attributeHasFieldErrors("form", "email"));
    }
}
