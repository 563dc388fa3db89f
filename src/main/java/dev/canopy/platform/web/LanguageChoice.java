package dev.canopy.platform.web;

import dev.canopy.platform.Language;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * How a page's language is chosen and offered: {@code ?lang=de} on any page sets it (the public pages' links),
 * and every page's model names the current language and a link to the same page in each shipped one.
 */
@ControllerAdvice(annotations = Controller.class)
public class LanguageChoice implements WebMvcConfigurer {

    /** A shipped language and the address of the current page in it. */
    public record Choice(Language language, String url) {}

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    @ModelAttribute("language")
    Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }

    @ModelAttribute("languageChoices")
    List<Choice> languageChoices(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return Language.SHIPPED.stream()
                .map(language -> new Choice(
                        language,
                        UriComponentsBuilder.fromPath(path)
                                .query(request.getQueryString())
                                .replaceQueryParam("lang", language.tag())
                                .build()
                                .toUriString()))
                .toList();
    }
}
