package io.firstpin.registration;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.LockedFrame;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.Members;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.DateTimes;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.LinkExpiredException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Secrets;
import io.firstpin.platform.limits.RateLimits;
import io.firstpin.platform.limits.TooManyRequests;
import io.firstpin.registration.internal.FrameQueue;
import io.firstpin.registration.internal.ParentSeats;
import io.firstpin.registration.internal.RegistrationLinks;
import io.firstpin.registration.internal.RegistrationProperties;
import io.firstpin.registration.internal.RegistrationRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes registrations and keeps every frame within its capacity; finds them by link, member or event. Cancelling and
 * the waitlist are {@link FrameSeats}', what a registrant does by link {@link RegistrantActions}', seats staff reserve
 * {@link SeatReservations}'.
 *
 * <p>How capacity holds under any concurrency: each decision about a frame (register, cancel, promote) first locks the
 * frame's row ({@code SELECT ... FOR UPDATE}), then counts its confirmed registrations and writes, all in one
 * transaction. Requests for the same frame are therefore decided one at a time, by the database, whichever app
 * instance they reach; requests for different frames do not wait for each other. The member lookup happens before the
 * lock, so the locked section is a handful of indexed statements.
 */
@Service
public class Registrations {

    private final RegistrationRepository registrations;
    private final RegistrationLinks links;
    private final FrameQueue queue;
    private final FrameSeats seats;
    private final Questionnaires questionnaires;
    private final Events events;
    private final Members members;
    private final AttendanceLookup attendance;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final RateLimits limits;
    private final RegistrationProperties properties;
    private final TransactionTemplate transaction;
    private final ParentSeats parentSeats;

    Registrations(RegistrationRepository registrations, RegistrationLinks links, FrameQueue queue, FrameSeats seats,
            Questionnaires questionnaires, Events events, Members members, AttendanceLookup attendance,
            ApplicationEventPublisher publisher, Clock clock, RateLimits limits, RegistrationProperties properties,
            PlatformTransactionManager transactions, ParentSeats parentSeats) {
        this.registrations = registrations;
        this.links = links;
        this.queue = queue;
        this.seats = seats;
        this.questionnaires = questionnaires;
        this.events = events;
        this.members = members;
        this.attendance = attendance;
        this.publisher = publisher;
        this.clock = clock;
        this.limits = limits;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.parentSeats = parentSeats;
    }

    /**
     * A public registration (the event page's form or the API): registers the applicant for the frame (given by id or by
     * name), answering the event's questions (answers keyed by question id; every problem is reported at once). Whoever
     * typed the email has proven nothing, so the registration belongs to a provisional member of its own
     * ({@code Members.registerProvisional}), never to the member the organization knows by that email, and the caller's
     * link opens this registration only; the email goes to the address with a link of its own, whose use proves the
     * email ({@link RegistrantActions#proveEmail}). The same email twice for one event is refused (409) while the first is active, without
     * a word about it; after a cancellation it starts over with a new registration.
     *
     * <p>The email's limit is taken before the transaction, so that no connection is held while the shared bucket is.
     *
     * @throws TooManyRequests when the email has had too many registrations (and so emails) lately
     */
    public Registered register(long eventId, String frameRef, Applicant applicant, Map<String, String> answers) {
        TooManyRequests.unlessAllowed(limits.take(properties.perEmail(), applicant.emailKey()));
        return transaction.execute(status -> registerProvisionally(eventId, frameRef, applicant, answers));
    }

    /**
     * One public form for an event and one of its sub-events' frames (the study session and its 懇親会): both in one
     * transaction, so that a refusal of either leaves neither. The sub-event is asked for only when the event's seat
     * is confirmed; a waitlisted or lottery registrant registers for it once seated.
     *
     * @return the sub-event's registration is null when it was not asked for
     */
    public Evening registerWithSubEvent(long eventId, String frameRef, long subEventFrameId, Applicant applicant,
            Map<String, String> answers) {
        long subEventId = events.frame(subEventFrameId).map(Frame::eventId)
                .filter(id -> events.summary(id).map(e -> Long.valueOf(eventId).equals(e.parentEventId()))
                        .orElse(false))
                .orElseThrow(() -> InvalidInputException.of("subEventFrame", "frame.unknown", subEventFrameId));
        TooManyRequests.unlessAllowed(limits.take(properties.perEmail(), applicant.emailKey()));
        return transaction.execute(status -> {
            Registered main = registerProvisionally(eventId, frameRef, applicant, answers);
            Registered sub = main.registration().status() == RegistrationStatus.CONFIRMED
                    ? registerProvisionally(subEventId, String.valueOf(subEventFrameId), applicant, null) : null;
            return new Evening(main, sub);
        });
    }

    /** An event's registration and, when it was asked for, its sub-event's. */
    public record Evening(Registered main, Registered subEvent) {
    }

    private Registered registerProvisionally(long eventId, String frameRef, Applicant applicant,
            Map<String, String> answers) {
        EventSummary event = events.summary(eventId).orElseThrow(() -> NotFoundException.of("event", eventId));
        Instant now = clock.instant();
        requireOpen(event, now);
        FrameRef frame = frameOf(event, frameRef);
        Questionnaires.Answers accepted = answers == null ? null : questionnaires.accept(eventId, frame.id(), answers);
        parentSeats.require(event, applicant.emailKey());
        long memberId = members.registerProvisional(event.organizationId(), applicant.name(), applicant.email());
        queue.freeEmailPlace(eventId, applicant.emailKey());
        String token = Secrets.newSecret(RegistrationLinks.TOKEN_PREFIX);
        String mailed = Secrets.newSecret(RegistrationLinks.TOKEN_PREFIX);

        LockedFrame locked = queue.lock(frame.id(), now);
        stillOpen(eventId, locked, now);
        Registration registration = Registration.apply(event.organizationId(), eventId, frame.id(), memberId, applicant,
                Secrets.hash(token), Secrets.hash(mailed), now);
        FrameSeats.Seat seat = seats.seat(registration, frame.id(), locked);
        registration = seats.saveNew(registration);
        if (accepted != null) {
            questionnaires.record(registration.id(), accepted);
        }
        publisher.publishEvent(new RegistrationChanged(registration, seat.change(), mailed, seat.waitlistPosition(),
                event, frame.name(), Objects.requireNonNullElse(locked.onlineUrl(), "")));
        return new Registered(registration, seat.waitlistPosition(), token);
    }

    /**
     * Registers someone staff know on their behalf, such as a walk-in at the door: staff typed the email, so the
     * registration goes to the member the organization knows by it. The event's questions stay unanswered until the
     * registrant answers them on their private page. The same email twice for one event is refused, unless the earlier
     * registration was cancelled: then it starts over at the end of the queue.
     */
    @Transactional
    public Registered register(long eventId, String frameRef, Applicant applicant) {
        EventSummary event = events.summary(eventId).orElseThrow(() -> NotFoundException.of("event", eventId));
        Instant now = clock.instant();
        requireOpen(event, now);
        FrameRef frame = frameOf(event, frameRef);
        parentSeats.require(event, applicant.emailKey());
        long memberId = members.findOrRegisterId(event.organizationId(), applicant.name(),
                IdentityInput.email(applicant.email()));
        queue.freeEmailPlace(eventId, applicant.emailKey());
        String token = Secrets.newSecret(RegistrationLinks.TOKEN_PREFIX);
        String mailed = Secrets.newSecret(RegistrationLinks.TOKEN_PREFIX);

        LockedFrame locked = queue.lock(frame.id(), now);
        stillOpen(eventId, locked, now);
        Registration registration = seats.applyAgainOrAnew(event.organizationId(), eventId, frame.id(), memberId,
                applicant, token, mailed, now);
        FrameSeats.Seat seat = seats.seat(registration, frame.id(), locked);
        registration = seats.saveNew(registration);
        publisher.publishEvent(new RegistrationChanged(registration, seat.change(), mailed, seat.waitlistPosition(),
                event, frame.name(), Objects.requireNonNullElse(locked.onlineUrl(), "")));
        return new Registered(registration, seat.waitlistPosition(), token);
    }

    /**
     * Asked again once the frame is locked: cancelling or postponing an event locks its frames too, so a registration
     * that waited for that lock sees the event's new status here instead of taking a seat in a cancelled event. The
     * event is read whole only to word the refusal.
     */
    private void stillOpen(long eventId, LockedFrame locked, Instant now) {
        if (!locked.registrationOpen()) {
            requireOpen(events.summary(eventId).orElseThrow(() -> NotFoundException.of("event", eventId)), now);
        }
    }

    /** Refuses a registration the event does not take now, saying when it opens if that is still to come. */
    private static void requireOpen(EventSummary event, Instant now) {
        if (!event.registrationOpen(now)) {
            throw event.opensLater(now)
                    .map(opensAt -> new ConflictException("registrationOpensAt", "registration.not-yet-open",
                            DateTimes.at(opensAt, ZoneId.of(event.timeZone()))
                                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                    .orElseGet(() -> new ConflictException("event", "registration.closed"));
        }
    }

    @Transactional
    public Registration cancelByStaff(long organizationId, long registrationId) {
        return seats.cancel(inOrganization(organizationId, registrationId), CancelReason.STAFF);
    }

    /**
     * Releases the seat of a registrant who was asked to reconfirm and did not answer in time; the seat goes to the first
     * one waiting. A registrant who answered or cancelled meanwhile keeps their standing.
     *
     * @return whether the seat was released
     */
    @Transactional
    public boolean releaseUnconfirmed(long registrationId) {
        return seats.releaseUnconfirmed(registrationId);
    }

    /** Confirms waiting registrants, first in line first, while the frame has free seats. */
    @Transactional
    public int promoteWaiting(long frameId) {
        return seats.promoteWaiting(frameId);
    }

    /**
     * The registration a private link points to: the link of the confirmation email, or one of a later email. A later
     * link made before the registrant cancelled and registered anew does not open the new registration.
     */
    public Optional<Registration> byToken(String manageToken) {
        if (manageToken == null || !manageToken.startsWith(RegistrationLinks.TOKEN_PREFIX) || manageToken.length() > 100) {
            return Optional.empty();
        }
        Optional<Registration> found = byTokenHash(Secrets.hash(manageToken));
        found.ifPresent(this::requireLinkValid);
        return found;
    }

    /**
     * A private link opens nothing once its event ended {@code links-valid-after-event} ago: the link sits in mailboxes
     * and browser histories for years, and what it opens (a name, answers, a survey) need not.
     *
     * @throws LinkExpiredException then
     */
    private void requireLinkValid(Registration registration) {
        Instant end = events.summary(registration.eventId()).map(EventSummary::endsAt).orElse(null);
        if (end != null && clock.instant().isAfter(end.plus(properties.linksValidAfterEvent()))) {
            throw new LinkExpiredException();
        }
    }

    private Optional<Registration> byTokenHash(String hash) {
        return registrations.findByManageTokenHash(hash)
                .or(() -> registrations.findByProofTokenHash(hash))
                .or(() -> links.find(hash)
                .flatMap(link -> registrations.findById(link.registrationId())
                        .filter(r -> !link.issuedAt().isBefore(r.registeredAt()))));
    }

    /** The member's registrations in the organization, in the order they were made (the member's own page). */
    @Transactional(readOnly = true)
    public List<Registration> ofMember(long organizationId, long memberId) {
        return registrations.findByOrganizationIdAndMemberIdOrderByRegisteredAtAscIdAsc(organizationId, memberId);
    }

    /**
     * A new private link token to the registration's page, for an email another module sends after the event (the
     * survey, say); only its hash is kept.
     */
    @Transactional
    public String newPrivateLink(long registrationId) {
        return links.issue(registrationId, RegistrationLinks.Purpose.FOLLOW_UP, clock.instant());
    }

    public Registration inOrganization(long organizationId, long registrationId) {
        return registrations.findByOrganizationIdAndId(organizationId, registrationId)
                .orElseThrow(() -> NotFoundException.of("registration", registrationId));
    }

    public Optional<Registration> find(long registrationId) {
        return registrations.findById(registrationId);
    }

    /** The organization an event belongs to, for access checks; an unknown event is not found. */
    public long organizationOfEvent(long eventId) {
        return events.summary(eventId).map(EventSummary::organizationId)
                .orElseThrow(() -> NotFoundException.of("event", eventId));
    }

    /** 1-based place in the frame's waitlist, or null when not waiting. */
    public Integer positionOf(Registration registration) {
        return registration.status() == RegistrationStatus.WAITLISTED
                ? queue.position(registration.frameId(), registration.queueNumber()) : null;
    }

    /** Everyone who registered for the event, in the order they registered, with what staff need to see. */
    public List<Entry> ofEvent(long organizationId, long eventId) {
        events.summary(eventId).filter(e -> e.organizationId() == organizationId)
                .orElseThrow(() -> NotFoundException.of("event", eventId));
        Map<Long, String> frameNames = events.frames(eventId).stream()
                .collect(Collectors.toMap(Frame::id, Frame::name));
        Set<Long> checkedIn = attendance.checkedInRegistrations(eventId);
        List<Registration> all = registrations.findByEventIdOrderByRegisteredAtAscIdAsc(eventId);
        Map<Long, Integer> positions = waitlistPositions(all);
        return all.stream()
                .map(r -> new Entry(r, frameNames.getOrDefault(r.frameId(), ""), positions.get(r.id()),
                        checkedIn.contains(r.id())))
                .toList();
    }

    private FrameRef frameOf(EventSummary event, String frameRef) {
        Map<Long, String> frames = queue.frameNames(event.id());
        if (frameRef == null || frameRef.isBlank()) {
            if (frames.size() == 1) {
                Map.Entry<Long, String> only = frames.entrySet().iterator().next();
                return new FrameRef(only.getKey(), only.getValue());
            }
            throw InvalidInputException.of("frame", "validation.required");
        }
        String ref = frameRef.strip();
        return frames.entrySet().stream()
                .filter(f -> String.valueOf(f.getKey()).equals(ref) || f.getValue().equals(ref))
                .findFirst()
                .map(f -> new FrameRef(f.getKey(), f.getValue()))
                .orElseThrow(() -> InvalidInputException.of("frame", "frame.unknown", ref));
    }

    /** A frame as a registrant names it; its capacity and mode are read under its lock. */
    private record FrameRef(long id, String name) {
    }

    private static Map<Long, Integer> waitlistPositions(List<Registration> all) {
        Map<Long, List<Registration>> waitingByFrame = all.stream()
                .filter(r -> r.status() == RegistrationStatus.WAITLISTED)
                .collect(Collectors.groupingBy(Registration::frameId));
        Map<Long, Integer> positions = new HashMap<>();
        waitingByFrame.values().forEach(waiting -> {
            List<Registration> ordered = waiting.stream()
                    .sorted(Comparator.comparing(Registration::queueNumber).thenComparing(Registration::id))
                    .toList();
            for (int i = 0; i < ordered.size(); i++) {
                positions.put(ordered.get(i).id(), i + 1);
            }
        });
        return positions;
    }

    /** A registration as staff see it in the event's list. */
    public record Entry(Registration registration, String frameName, Integer waitlistPosition, boolean checkedIn) {
    }
}
