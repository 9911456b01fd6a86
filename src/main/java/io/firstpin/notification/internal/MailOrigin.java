package io.firstpin.notification.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Who the emails come from, and the domain in which their Message-IDs are made. */
public final class MailOrigin {

    private final InternetAddress from;
    private final String domain;

    private MailOrigin(InternetAddress from) {
        this.from = from;
        this.domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
    }

    /** {@code configured}, or {@code Firstpin <no-reply@host>} for the host of the public address when it is blank. */
    public static MailOrigin of(String configured, String baseUrl) {
        try {
            if (configured != null && !configured.isBlank()) {
                InternetAddress address = new InternetAddress(configured.strip(), true);
                if (address.getAddress() == null || !address.getAddress().contains("@")) {
                    throw new IllegalArgumentException("firstpin.mail.from is not an email address: " + configured);
                }
                return new MailOrigin(address);
            }
            String host = URI.create(baseUrl).getHost();
            return new MailOrigin(new InternetAddress("no-reply@" + (host == null ? "localhost" : host), "Firstpin",
                    StandardCharsets.UTF_8.name()));
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("firstpin.mail.from is not an email address: " + configured, e);
        }
    }

    public InternetAddress from() {
        return (InternetAddress) from.clone();
    }

    /** A new Message-ID, angle brackets included; unique, so a repeated delivery is recognisable as the same email. */
    public String newMessageId() {
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }
}
