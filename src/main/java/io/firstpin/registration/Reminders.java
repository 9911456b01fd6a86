package io.firstpin.registration;

import io.firstpin.event.EventRounds;
import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.internal.FrameQueue;
import io.firstpin.registration.internal.RegistrationMails;
import io.firstpin.registration.internal.RegistrationRepository;
import io.firstpin.registration.internal.ReminderProperties;
import io.firstpin.registration.internal.ReminderRounds;
import io.firstpin.registration.internal.ReminderRounds.Done;
import io.firstpin.registration.internal.ReminderRounds.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What registrants hear before an event: the day-before reminder with a one-click way to free the seat, and, where the
 * event asks for it, a reconfirmation whose silence releases the seat to the waitlist. Each round runs once per event
 * and start time through {@link EventRounds}, in one transaction per event, from a db-scheduler task that one instance
 * runs at a time.
 */
@Service
public class Reminders {

    private final ReminderRounds rounds;
    private final EventRounds eventRounds;
    private final RegistrationRepository registrations;
    private final Registrations registrationService;
    private final RegistrationMails mails;
    private final FrameQueue queue;
    private final Events events;
    private final ReminderProperties properties;
    private final Clock clock;

    Reminders(ReminderRounds rounds, EventRounds eventRounds, RegistrationRepository registrations,
            Registrations registrationService, RegistrationMails mails, FrameQueue queue, Events events,
            ReminderProperties properties, Clock clock) {
        this.rounds = rounds;
        this.eventRounds = eventRounds;
        this.registrations = registrations;
        this.registrationService = registrationService;
        this.mails = mails;
        this.queue = queue;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs every due round: deadlines first, so that whoever moves up from the waitlist gets the reminder too. */
    public void runDue() {
        Instant now = clock.instant();
        Instant deadlineBy = now.plus(properties.reconfirmDeadlineBefore());
        eventRounds.runForEventsStarting(ReminderRounds.RECONFIRMATION_DEADLINE, now, deadlineBy,
                this::releaseUnanswered);
        eventRounds.runForEventsStarting(ReminderRounds.RECONFIRMATION_REQUEST, deadlineBy,
                now.plus(properties.reconfirmRequestBefore()), this::askToReconfirm);
        eventRounds.runForEventsStarting(ReminderRounds.REMINDER, now, now.plus(properties.reminderBefore()),
                this::remind);
    }

    /** Turns the reconfirmation round on or off for an event of the organization. */
    @Transactional
    public void requireReconfirmation(long organizationId, long eventId, boolean on) {
        summary(organizationId, eventId);
        rounds.setReconfirmation(organizationId, eventId, on);
    }

    /** The event's rounds as staff see them: when each runs, and what the ones that ran did. */
    @Transactional(readOnly = true)
    public Schedule schedule(long organizationId, long eventId) {
        EventSummary event = summary(organizationId, eventId);
        Map<Kind, Done> done = rounds.done(eventId, event.startsAt());
        List<Registration> all = registrations.findByEventIdOrderByRegisteredAtAscIdAsc(eventId);
        int awaiting = (int) all.stream().filter(Registration::awaitsReconfirmation).count();
        int reconfirmed = (int) all.stream().filter(r -> r.reconfirmedAt() != null
                && r.status() == RegistrationStatus.CONFIRMED).count();
        int released = (int) all.stream().filter(r -> r.cancelReason() == CancelReason.NO_RECONFIRMATION).count();
        return new Schedule(rounds.reconfirmation(eventId),
                event.startsAt().minus(properties.reminderBefore()), done.get(Kind.REMINDER),
                event.startsAt().minus(properties.reconfirmRequestBefore()), done.get(Kind.RECONFIRMATION_REQUEST),
                event.startsAt().minus(properties.reconfirmDeadlineBefore()), done.get(Kind.RECONFIRMATION_DEADLINE),
                awaiting, reconfirmed, released);
    }

    private int remind(EventSummary event, Instant now) {
        Map<Long, String> frames = frameNames(event.id());
        List<Registration> confirmed = confirmed(event.id());
        confirmed.forEach(r -> mails.remind(r, event, frames.get(r.frameId())));
        return confirmed.size();
    }

    private int askToReconfirm(EventSummary event, Instant now) {
        Map<Long, String> frames = frameNames(event.id());
        // registrations change only under their frame's lock; taken in id order, as every writer does one frame at a time
        frames.keySet().stream().sorted().forEach(queue::lock);
        Instant deadline = event.startsAt().minus(properties.reconfirmDeadlineBefore());
        int asked = 0;
        for (Registration registration : confirmed(event.id())) {
            if (registration.askToReconfirm(now)) {
                registrations.save(registration);
                mails.askToReconfirm(registration, event, frames.get(registration.frameId()), deadline);
                asked++;
            }
        }
        return asked;
    }

    private int releaseUnanswered(EventSummary event, Instant now) {
        int released = 0;
        for (Registration registration : confirmed(event.id())) {
            if (registration.awaitsReconfirmation() && registrationService.releaseUnconfirmed(registration.id())) {
                released++;
            }
        }
        return released;
    }

    private List<Registration> confirmed(long eventId) {
        return registrations.findByEventIdOrderByRegisteredAtAscIdAsc(eventId).stream()
                .filter(r -> r.status() == RegistrationStatus.CONFIRMED)
                .sorted(Comparator.comparing(Registration::registeredAt).thenComparing(Registration::id))
                .toList();
    }

    private Map<Long, String> frameNames(long eventId) {
        return events.frames(eventId).stream().collect(Collectors.toMap(Frame::id, Frame::name));
    }

    private EventSummary summary(long organizationId, long eventId) {
        return events.summary(eventId).filter(e -> e.organizationId() == organizationId)
                .orElseThrow(() -> NotFoundException.of("event", eventId));
    }

    /**
     * The reminder rounds of an event for its current start time; a round that has not run has no {@code Done}.
     *
     * @param awaiting confirmed registrants asked to reconfirm who have not answered yet
     */
    public record Schedule(boolean reconfirmation, Instant reminderAt, Done reminder, Instant reconfirmRequestAt,
            Done reconfirmRequest, Instant reconfirmDeadlineAt, Done reconfirmDeadline, int awaiting, int reconfirmed,
            int released) {
    }
}
