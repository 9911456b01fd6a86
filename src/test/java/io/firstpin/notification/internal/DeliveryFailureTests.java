package io.firstpin.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

class DeliveryFailureTests {

    private static final Address[] NONE = new Address[0];

    private static Address[] addresses(String... emails) throws AddressException {
        Address[] result = new Address[emails.length];
        for (int i = 0; i < emails.length; i++) {
            result[i] = new InternetAddress(emails[i]);
        }
        return result;
    }

    /** What JavaMailSender throws when the SMTP server answered RCPT TO with these recipients sorted so. */
    private static MailSendException smtpAnswered(Address[] sent, Address[] unsent, Address[] invalid) {
        SendFailedException failed = new SendFailedException("Invalid Addresses",
                new MessagingException("550 5.1.1 <nobody@example.com>: Recipient address rejected"), sent, unsent,
                invalid);
        return new MailSendException(Map.of(new Object(), failed));
    }

    @Test
    void aRecipientRefusedForGoodIsPermanent() throws Exception {
        DeliveryFailure failure = DeliveryFailure.of(smtpAnswered(NONE, NONE, addresses("nobody@example.com")));

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.description()).contains("550 5.1.1");
    }

    @Test
    void theDescriptionNamesNoRecipientSoThatLogsAndTheOutboxKeepNoAddress() throws Exception {
        MailSendException refused = new MailSendException("Failed messages: " + new SendFailedException(
                "Invalid Addresses; nested exception is: 550 5.1.1 <Taro.Yamada+jaws@example.co.jp>: unknown user",
                new MessagingException("550 5.1.1 <Taro.Yamada+jaws@example.co.jp>: Recipient address rejected"),
                NONE, NONE, addresses("Taro.Yamada+jaws@example.co.jp")));

        DeliveryFailure failure = DeliveryFailure.of(refused);

        assertThat(failure.description()).contains("550 5.1.1", "@example.co.jp").doesNotContain("Taro.Yamada")
                .doesNotContain("jaws@");
    }

    @Test
    void aRecipientRefusedForNowIsWorthAnotherAttempt() throws Exception {
        DeliveryFailure failure = DeliveryFailure.of(smtpAnswered(NONE, addresses("busy@example.com"), NONE));

        assertThat(failure.permanent()).isFalse();
    }

    @Test
    void anUnreachableServerIsWorthAnotherAttempt() {
        MessagingException refused = new MessagingException("Couldn't connect to host, port: localhost, 2525",
                new ConnectException("Connection refused"));
        DeliveryFailure failure = DeliveryFailure.of(new MailSendException("Mail server connection failed", refused));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.description()).contains("Mail server connection failed", "Connection refused");
    }

    @Test
    void rejectedCredentialsAreWorthAnotherAttemptOnceTheOperatorFixesThem() {
        assertThat(DeliveryFailure.of(new MailAuthenticationException("535 Authentication failed")).permanent()).isFalse();
    }

    @Test
    void aMessageThatCannotBeBuiltIsPermanent() {
        assertThat(DeliveryFailure.of(new AddressException("Illegal address", "a@@b")).permanent()).isTrue();
    }

    @Test
    void theDescriptionIsOneShortLine() {
        DeliveryFailure failure = DeliveryFailure.of(new MailSendException("x".repeat(5000) + "\nsecond line"));

        assertThat(failure.description()).hasSize(DeliveryFailure.MAX_DESCRIPTION).doesNotContain("\n");
    }
}
