package io.firstpin.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryProblemTests {

    @Test
    void aSentEmailHasNoProblemWhateverFailedBeforeIt() {
        assertThat(DeliveryProblem.of(MailStatus.SENT, "MailSendException: Mail server connection failed", true))
                .isEmpty();
    }

    @Test
    void withoutAMailServerAWaitingEmailWaitsForOne() {
        assertThat(DeliveryProblem.of(MailStatus.PENDING, null, false)).contains(DeliveryProblem.NO_MAIL_SERVER);
        assertThat(DeliveryProblem.of(MailStatus.PENDING, null, true)).isEmpty();
    }

    @Test
    void theServersReplyIsToldInWordsStaffCanActOn() {
        assertThat(DeliveryProblem.of(MailStatus.PENDING, "MailSendException: Mail server connection failed; caused by "
                + "MailConnectException: Couldn't connect to host, port: 127.0.0.1, 2525; timeout -1", true))
                .contains(DeliveryProblem.SERVER_UNREACHABLE);
        assertThat(DeliveryProblem.of(MailStatus.FAILED, "MailSendException: Failed messages: "
                + "SendFailedException: Invalid Addresses; caused by SMTPAddressFailedException: 550 5.1.1 "
                + "<***@example.com>: Recipient address rejected", true))
                .contains(DeliveryProblem.RECIPIENT_REFUSED);
        assertThat(DeliveryProblem.of(MailStatus.PENDING, "MailAuthenticationException: Authentication failed", true))
                .contains(DeliveryProblem.SERVER_REFUSED_SIGN_IN);
        assertThat(DeliveryProblem.of(MailStatus.FAILED, "not rendered: TemplateInputException: oops", true))
                .contains(DeliveryProblem.NOT_RENDERED);
        assertThat(DeliveryProblem.of(MailStatus.FAILED, "MailSendException: 554 spam", true))
                .contains(DeliveryProblem.OTHER);
    }
}
