package dev.canopy.platform.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** With {@code canopy.mail.sink.enabled=true}, mail goes over SMTP to the in-process {@link MailSink}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "canopy.mail.sink.enabled", havingValue = "true")
class MailSinkConfiguration {

    @Bean(destroyMethod = "close")
    MailSink mailSink(@Value("${canopy.mail.sink.port:0}") int port) {
        return new MailSink(port);
    }

    @Bean
    JavaMailSender mailSender(MailSink sink) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(sink.port());
        return sender;
    }
}
