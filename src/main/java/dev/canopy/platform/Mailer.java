package dev.canopy.platform;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Sends Canopy's emails over SMTP, rendered from templates, once the change that caused them is committed. */
@Component
public class Mailer {

    /** Header naming the workspaces a message concerns; the mail sink filters on it. */
    public static final String WORKSPACE_HEADER = "X-Canopy-Workspace";

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final TemplateEngine templates;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> sender, TemplateEngine templates, @Value("${canopy.mail.from}") String from) {
        this.sender = sender;
        this.templates = templates;
        this.from = from;
    }

    /**
     * Sends after the current transaction commits (at once when there is none), so a rolled-back change
     * never mails anyone. A failure to send is logged, not thrown: the change itself stands.
     */
    public void sendAfterCommit(OutgoingMail mail) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(mail);
                }
            });
        } else {
            send(mail);
        }
    }

    private void send(OutgoingMail mail) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            log.warn("No SMTP server configured (spring.mail.host); not sending '{}' to {}", mail.subject(), mail.to());
            return;
        }
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.to().value());
            helper.setSubject(mail.subject());
            Context context = new Context();
            context.setVariables(mail.model());
            helper.setText(
                    templates.process("mail/" + mail.template() + ".txt", context),
                    templates.process("mail/" + mail.template(), context));
            message.setHeader(
                    WORKSPACE_HEADER,
                    mail.workspaces().stream().map(Object::toString).sorted().collect(Collectors.joining(",")));
            smtp.send(message);
        } catch (MessagingException | MailException e) {
            log.error("Could not send '{}' to {}", mail.subject(), mail.to(), e);
        }
    }
}
