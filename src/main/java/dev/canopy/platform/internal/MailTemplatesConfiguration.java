package dev.canopy.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

@Configuration(proxyBeanMethods = false)
class MailTemplatesConfiguration {

    /** Plain-text parts of emails ({@code mail/*.txt}); the HTML parts use Boot's default resolver. */
    @Bean
    ClassLoaderTemplateResolver plainTextMailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("mail/*.txt"));
        resolver.setOrder(0);
        resolver.setCheckExistence(true);
        return resolver;
    }
}
