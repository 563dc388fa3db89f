package dev.canopy.campaigns.internal;

import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.Mailer;
import dev.canopy.platform.RichText;
import dev.canopy.shared.WorkspaceId;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a campaign for one recipient and sends it over SMTP with the headers a bulk message needs: its own
 * Message-ID (bounces name it), {@code List-Unsubscribe} with the recipient's one-click link and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058), and the workspace header the mail sink
 * filters on. Platform's {@code Mailer} sends after commit and hides failures; a campaign needs both the headers and
 * the outcome of each message, so it has its own.
 */
@Component
public class CampaignMailer {

    /** What one recipient receives. */
    public record Rendered(String subject, String html, String text) {}

    /** The merge values of one recipient (or of a preview's sample). */
    public record Values(String partnerName, String userName, String programmeName, String tierName) {}

    private final ObjectProvider<JavaMailSender> sender;
    private final BaseUrl baseUrl;
    private final String from;
    private final @Nullable String mailto;

    CampaignMailer(
            ObjectProvider<JavaMailSender> sender,
            BaseUrl baseUrl,
            @Value("${canopy.mail.from}") String from,
            @Value("${canopy.campaigns.unsubscribe-mailto:}") String mailto) {
        this.sender = sender;
        this.baseUrl = baseUrl;
        this.from = from;
        this.mailto = mailto.isBlank() ? null : mailto;
    }

    public String unsubscribeUrl(String token) {
        return baseUrl.link("/campaigns/unsubscribe/" + token);
    }

    /** The domain of Canopy's address, for Message-IDs. */
    public String messageDomain() {
        String host = URI.create(baseUrl.link("/")).getHost();
        return host == null ? "canopy.local" : host;
    }

    /**
     * The campaign's subject and body for one recipient, with the footer every campaign message has; with no
     * {@code token} (a preview, a test) there is no recipient to unsubscribe or to count an open for, so the links
     * lead nowhere.
     */
    public Rendered render(String subject, String body, Values v, @Nullable String token, String workspaceName) {
        String unsubscribe = token == null ? "#unsubscribe" : unsubscribeUrl(token);
        Map<String, String> values = new HashMap<>();
        values.put(MergeFields.PARTNER_NAME, v.partnerName());
        values.put(MergeFields.USER_NAME, v.userName());
        values.put(MergeFields.PROGRAMME_NAME, v.programmeName());
        values.put(MergeFields.TIER_NAME, v.tierName());
        values.put(MergeFields.UNSUBSCRIBE_URL, unsubscribe);
        String html = RichText.forMail(MergeFields.markdown(body, values))
                + "<hr><p style=\"font-size:12px;color:#6c757d\">You receive this as a partner of "
                + HtmlUtils.htmlEscape(workspaceName) + ". <a href=\"" + HtmlUtils.htmlEscape(unsubscribe)
                + "\">Unsubscribe</a> from its campaigns.</p>"
                + (token == null
                        ? ""
                        : "<img src=\"" + HtmlUtils.htmlEscape(baseUrl.link("/campaigns/o/" + token + ".gif"))
                                + "\" width=\"1\" height=\"1\" alt=\"\">");
        String text = MergeFields.plain(body, values) + "\n\n--\nYou receive this as a partner of " + workspaceName
                + ". Unsubscribe from its campaigns: " + unsubscribe + "\n";
        return new Rendered(MergeFields.plain(subject, values).replaceAll("[\\r\\n]+", " "), html, text);
    }

    /** Sends one message; answers null when the mail server took it, else why not. */
    public @Nullable String send(
            WorkspaceId workspace, String to, Rendered message, String messageId, String token, boolean test) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            return "No SMTP server configured (spring.mail.host)";
        }
        try {
            MimeMessage mime = new MimeMessage(smtp.createMimeMessage().getSession()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(test ? "[Test] " + message.subject() : message.subject());
            helper.setText(message.text(), message.html());
            if (!test) {
                String unsubscribe = "<" + unsubscribeUrl(token) + ">";
                mime.setHeader(
                        "List-Unsubscribe",
                        mailto == null
                                ? unsubscribe
                                : unsubscribe + ", <mailto:" + mailto + "?subject=unsubscribe-" + token + ">");
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            mime.setHeader("Precedence", "bulk");
            mime.setHeader(Mailer.WORKSPACE_HEADER, workspace.toString());
            if (test) {
                mime.setHeader("X-Canopy-Test", "true");
            }
            smtp.send(mime);
            return null;
        } catch (MessagingException | MailException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
