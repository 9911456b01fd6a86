package io.firstpin.testing;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * GreenMail, a real SMTP server inside the test JVM, on a port fixed per test class so that a test can stop it and
 * start it again where the application expects it.
 */
public final class TestSmtp {

    private TestSmtp() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh server for every test method. */
    public static GreenMailExtension on(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** Points the application's mail sender at the test server. */
    public static void serve(DynamicPropertyRegistry registry, int port) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }

    /** What arrived for this address, decoded. */
    public static List<ReceivedEmail> receivedBy(GreenMailExtension smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .map(ReceivedEmail::of)
                .filter(email -> email.to().equalsIgnoreCase(address))
                .toList();
    }

    /** What arrived for this address once at least {@code count} emails have, waiting up to 30 seconds. */
    public static List<ReceivedEmail> awaitReceived(GreenMailExtension smtp, String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> receivedBy(smtp, address).size() >= count);
        return receivedBy(smtp, address);
    }

    /** An email as the SMTP server received it: headers and both parts, decoded. */
    public record ReceivedEmail(String to, String from, String subject, String messageId, String text, String html,
            MimeMessage raw) {

        public static ReceivedEmail of(MimeMessage message) {
            try {
                String text = null;
                String html = null;
                Object content = message.getContent();
                if (content instanceof Multipart) {
                    Multipart parts = (Multipart) content;
                    for (int i = 0; i < parts.getCount(); i++) {
                        BodyPart part = parts.getBodyPart(i);
                        if (part.isMimeType("text/plain")) {
                            text = (String) part.getContent();
                        } else if (part.isMimeType("text/html")) {
                            html = (String) part.getContent();
                        }
                    }
                } else {
                    text = (String) content;
                }
                return new ReceivedEmail(message.getRecipients(MimeMessage.RecipientType.TO)[0].toString(),
                        message.getFrom()[0].toString(), message.getSubject(), message.getMessageID(), text, html,
                        message);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("unreadable email", e);
            }
        }

        public String header(String name) {
            try {
                return raw.getHeader(name, ",");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        public String contentType() {
            try {
                return raw.getContentType();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
