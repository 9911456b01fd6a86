package io.firstpin.registration;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.member.Members;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.limits.Limit;
import io.firstpin.platform.limits.RateLimits;
import io.firstpin.registration.internal.RegistrationMails;
import io.firstpin.registration.internal.RegistrationRepository;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 「リンクを再送する」: someone whose email is already registered for an event asks for their private link again. The
 * link goes only to that email, never into the answer, and the answer is the same whether or not the email is
 * registered, so nobody learns who registered by asking. Each address gets a few such emails an hour at most, like
 * every email anyone can make Firstpin send; further requests are answered alike and send nothing.
 */
@Service
public class LinkResends {

    static final Limit PER_RECIPIENT = Limit.of("registration-link-again", 3, Duration.ofHours(1));

    private final RegistrationRepository registrations;
    private final RegistrationMails mails;
    private final Events events;
    private final RateLimits limits;
    private final TransactionTemplate transaction;

    LinkResends(RegistrationRepository registrations, RegistrationMails mails, Events events, RateLimits limits,
            PlatformTransactionManager transactions) {
        this.registrations = registrations;
        this.mails = mails;
        this.events = events;
        this.limits = limits;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Emails the private link of the active registration the email holds at the event, if there is one.
     *
     * @throws NotFoundException for an event that takes no public registrations (a draft, a hidden one)
     * @throws InvalidInputException on {@code email} for something that is not an email address
     */
    public void resend(long eventId, String email) {
        EventSummary event = events.findPublic(eventId).flatMap(found -> events.summary(found.id()))
                .orElseThrow(() -> NotFoundException.of("event", eventId));
        // the applicant's own checks, so that a bad address is refused like on the form
        String key = new Applicant("-", email, Locale.ROOT).emailKey();
        // taken before the lookup, whether or not the email is registered: the cap says nothing about who is
        if (!limits.take(PER_RECIPIENT, key).allowed()) {
            return;
        }
        transaction.executeWithoutResult(status -> registrations.findByEventIdAndEmailKey(eventId, key)
                .filter(Registration::active)
                .ifPresent(registration -> mails.linkAgain(registration, event)));
    }
}
