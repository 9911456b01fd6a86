package io.firstpin.registration;

import io.firstpin.member.EmailProofs;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Secrets;
import io.firstpin.registration.internal.FrameQueue;
import io.firstpin.registration.internal.RegistrationRepository;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a registrant does with their private link: proves their email, answers the questions again, says they still
 * come, or cancels.
 */
@Service
public class RegistrantActions {

    private final Registrations registrationService;
    private final RegistrationRepository registrations;
    private final FrameSeats seats;
    private final FrameQueue queue;
    private final Questionnaires questionnaires;
    private final EmailProofs emailProofs;
    private final Clock clock;

    RegistrantActions(Registrations registrationService, RegistrationRepository registrations, FrameSeats seats,
            FrameQueue queue, Questionnaires questionnaires, EmailProofs emailProofs, Clock clock) {
        this.registrationService = registrationService;
        this.registrations = registrations;
        this.seats = seats;
        this.queue = queue;
        this.questionnaires = questionnaires;
        this.emailProofs = emailProofs;
        this.clock = clock;
    }

    /**
     * The registrant proves their email with a link that was sent to it (the confirmation email's, or a later one's;
     * never the one answered to whoever registered): a provisional member becomes, or merges into, the member with that
     * email. Answers the registration as it is now.
     *
     * @throws NotFoundException for an unknown link, or one that was not sent by email
     */
    @Transactional
    public Registration proveEmail(String mailedToken) {
        Registration registration = registrationService.byToken(mailedToken)
                .filter(r -> !Secrets.hash(mailedToken).equals(r.manageTokenHash()))
                .orElseThrow(() -> NotFoundException.of("registration", "with this link"));
        emailProofs.prove(registration.organizationId(), registration.memberId());
        return registrations.findById(registration.id()).orElseThrow();
    }

    /** Whether this link was sent by email, so that opening it may prove the email; the caller's own link is not. */
    public boolean mailedLink(String token, Registration registration) {
        return token != null && !Secrets.hash(token).equals(registration.manageTokenHash());
    }

    /** The registrant answers the event's questions again by their private link; the new answers replace the old. */
    @Transactional
    public Map<Long, String> answerWithToken(String manageToken, Map<String, String> answers) {
        Registration registration = registrationService.byToken(manageToken)
                .orElseThrow(() -> NotFoundException.of("registration", "with this link"));
        if (!registration.active()) {
            throw new ConflictException("registration", "registration.not-active");
        }
        Questionnaires.Answers accepted = questionnaires.accept(registration.eventId(), registration.frameId(), answers);
        questionnaires.record(registration.id(), accepted);
        return accepted.given();
    }

    /** Cancels by the registrant's private token; a wrong token is treated like an unknown registration. */
    @Transactional
    public Registration cancelWithToken(long registrationId, String manageToken) {
        Registration registration = registrationService.byToken(manageToken)
                .filter(r -> r.id() == registrationId)
                .orElseThrow(() -> NotFoundException.of("registration", registrationId));
        return seats.cancel(registration, CancelReason.REGISTRANT);
    }

    @Transactional
    public Registration cancelWithToken(String manageToken) {
        Registration registration = registrationService.byToken(manageToken)
                .orElseThrow(() -> NotFoundException.of("registration", "with this link"));
        return seats.cancel(registration, CancelReason.REGISTRANT);
    }

    /** The registrant, by their private link, says they still come. */
    @Transactional
    public Registration reconfirmWithToken(String manageToken) {
        Registration registration = registrationService.byToken(manageToken)
                .orElseThrow(() -> NotFoundException.of("registration", "with this link"));
        // under the frame's lock, so that a release at the deadline and this answer do not overwrite each other
        queue.lock(registration.frameId());
        Registration current = registrations.findById(registration.id()).orElseThrow();
        current.reconfirm(clock.instant());
        return registrations.save(current);
    }
}
