package dev.canopy.portal.web;

import dev.canopy.identity.PartnerAccess;
import dev.canopy.platform.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The portal's language chooser: the choice is kept on the partner user's account and in this browser. */
@Controller
class LanguageController {

    private final PartnerAccess access;
    private final LocaleResolver languages;

    LanguageController(PartnerAccess access, LocaleResolver languages) {
        this.access = access;
        this.languages = languages;
    }

    @PostMapping("/portal/language")
    String choose(
            @RequestParam(defaultValue = "") String lang,
            @RequestParam(defaultValue = "/portal") String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        Language.of(lang).ifPresent(language -> {
            access.chooseLanguage(language);
            languages.setLocale(request, response, language.locale());
        });
        return "redirect:" + (portalPath(back) ? back : "/portal");
    }

    /** Only back to a page of the portal itself: never an open redirect. */
    static boolean portalPath(String back) {
        return back.matches("/portal([/?].*)?") && !back.matches("(?s).*[\\\\\\s].*");
    }
}
