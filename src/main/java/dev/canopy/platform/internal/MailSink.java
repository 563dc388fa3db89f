package dev.canopy.platform.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.canopy.platform.Mailer;
import dev.canopy.shared.WorkspaceId;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * An SMTP server inside Canopy that keeps what it receives instead of delivering it. The demo run and
 * the tests send real SMTP to it; admins read their workspace's messages at {@code /app/mail}.
 */
public class MailSink implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    private final GreenMail server;

    public record SinkMessage(
            int index, Instant receivedAt, String to, String subject, String text, List<String> links) {}

    MailSink(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        this.server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        this.server.start();
    }

    int port() {
        return server.getSmtp().getPort();
    }

    /** Messages that concern {@code workspace}, newest first. */
    public List<SinkMessage> messagesFor(WorkspaceId workspace) {
        MimeMessage[] received = server.getReceivedMessages();
        return IntStream.range(0, received.length)
                .mapToObj(i -> toView(i, received[i]))
                .filter(m -> concerns(received[m.index()], workspace))
                .sorted((a, b) -> Integer.compare(b.index(), a.index()))
                .toList();
    }

    /** Every message sent to {@code address}, oldest first (tests read the links mailed to a person). */
    public List<SinkMessage> messagesTo(String address) {
        MimeMessage[] received = server.getReceivedMessages();
        return IntStream.range(0, received.length)
                .mapToObj(i -> toView(i, received[i]))
                .filter(m -> m.to().equalsIgnoreCase(address))
                .toList();
    }

    public Optional<SinkMessage> message(WorkspaceId workspace, int index) {
        return messagesFor(workspace).stream().filter(m -> m.index() == index).findFirst();
    }

    /** A header of the message at {@code index} (tests read a campaign's List-Unsubscribe); null when absent. */
    public @org.jspecify.annotations.Nullable String header(int index, String name) {
        try {
            String[] values = server.getReceivedMessages()[index].getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message in the mail sink", e);
        }
    }

    private static boolean concerns(MimeMessage message, WorkspaceId workspace) {
        try {
            String[] header = message.getHeader(Mailer.WORKSPACE_HEADER);
            return header != null
                    && Arrays.stream(header[0].split(","))
                            .anyMatch(id -> id.strip().equals(workspace.toString()));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static SinkMessage toView(int index, MimeMessage message) {
        try {
            String text = plainText(message);
            List<String> links = new ArrayList<>();
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                links.add(matcher.group());
            }
            return new SinkMessage(
                    index,
                    message.getSentDate() == null
                            ? Instant.EPOCH
                            : message.getSentDate().toInstant(),
                    GreenMailUtil.getAddressList(message.getRecipients(Message.RecipientType.TO)),
                    message.getSubject(),
                    text,
                    List.copyOf(links));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message in the mail sink", e);
        }
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.stop();
    }
}
