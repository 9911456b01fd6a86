package io.firstpin.event;

import io.firstpin.platform.ConflictException;
import io.firstpin.platform.Hashtag;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.geo.Prefecture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A study session, big event, online session or after-party of a community, with its agenda. */
@Table("event")
public class Event extends AbstractAggregateRoot<Event> {

    /** A study session is about two hours; used when no end is given. */
    static final Duration DEFAULT_LENGTH = Duration.ofHours(2);

    @Id
    private Long id;
    private final long organizationId;
    private final long communityId;
    private String title;
    private String description;
    private EventKind kind;
    private Instant startsAt;
    private Instant endsAt;
    private boolean online;
    private String onlineUrl;
    private String venueName;
    private String venueAddress;
    private String prefectureCode;
    private String city;
    private String hashtag;
    private String connpassUrl;
    private final Instant createdAt;
    private Instant registrationOpensAt;
    private Instant registrationClosesAt;
    private Long seriesId;
    private Integer seriesNumber;
    @MappedCollection(idColumn = "event_id", keyColumn = "event_key")
    private List<Session> sessions;
    private EventStatus status = EventStatus.PUBLISHED;
    private Instant publishedAt;
    private boolean dateUndecided;

    @PersistenceCreator
    Event(Long id, long organizationId, long communityId, String title, String description, EventKind kind,
            Instant startsAt, Instant endsAt, boolean online, String onlineUrl, String venueName, String venueAddress,
            String prefectureCode, String city, String hashtag, String connpassUrl, Instant createdAt,
            Instant registrationOpensAt, Instant registrationClosesAt, Long seriesId, Integer seriesNumber,
            List<Session> sessions) {
        this.id = id;
        this.organizationId = organizationId;
        this.communityId = communityId;
        this.title = title;
        this.description = description;
        this.kind = kind;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.online = online;
        this.onlineUrl = onlineUrl;
        this.venueName = venueName;
        this.venueAddress = venueAddress;
        this.prefectureCode = prefectureCode;
        this.city = city;
        this.hashtag = hashtag;
        this.connpassUrl = connpassUrl;
        this.createdAt = createdAt;
        this.registrationOpensAt = registrationOpensAt;
        this.registrationClosesAt = registrationClosesAt;
        this.seriesId = seriesId;
        this.seriesNumber = seriesNumber;
        this.sessions = List.copyOf(sessions == null ? List.of() : sessions);
    }

    static Event plan(long organizationId, long communityId, EventDetails details, List<Session> agenda, Instant now) {
        Event event = new Event(null, organizationId, communityId, null, null, null, null, null, false, null, null, null,
                null, null, null, null, now, null, null, null, null, List.of());
        event.describe(details);
        event.setAgenda(agenda);
        event.publishedAt = now;
        event.registerEvent(new EventPlanned(event));
        return event;
    }

    /** Keeps a new event to staff until it is published: off every public page, announced to nobody. */
    void keepAsDraft() {
        if (id != null) {
            throw new IllegalStateException("only a new event starts as a draft");
        }
        this.status = EventStatus.DRAFT;
        this.publishedAt = null;
    }

    /** Makes a draft public, or shows a hidden event again. Followers hear of the event the first time only. */
    void publish(Instant now) {
        if (status != EventStatus.DRAFT && status != EventStatus.HIDDEN) {
            throw new ConflictException("status", "event.lifecycle.publish-refused");
        }
        moveTo(EventStatus.PUBLISHED, "published");
        if (publishedAt == null) {
            publishedAt = now;
            registerEvent(new EventPublished(id, organizationId, communityId, startsAt));
        }
    }

    /** Takes a published event off every public page; its registrations stay. */
    void hide() {
        if (status != EventStatus.PUBLISHED) {
            throw new ConflictException("status", "event.lifecycle.hide-refused");
        }
        moveTo(EventStatus.HIDDEN, "hidden");
    }

    /** Calls the event off (中止); everyone registered hears of it once, as only one transaction can get here. */
    void cancel(Instant now) {
        requireCallable(now);
        moveTo(EventStatus.CANCELLED, "cancelled");
        registerEvent(new EventCalledOff(id, true));
    }

    /**
     * Postpones the event (延期) to a new start, keeping its length unless a new end is given, or with the new date
     * still undecided ({@code newStart} null); everyone registered hears of it once.
     */
    void postpone(Instant newStart, Instant newEnd, Instant now) {
        requireCallable(now);
        if (status == EventStatus.POSTPONED) {
            throw new ConflictException("status", "event.lifecycle.already-postponed");
        }
        if (newStart != null) {
            if (!newStart.isAfter(now)) {
                throw InvalidInputException.of("startsAt", "event.lifecycle.postpone-to-past");
            }
            Instant end = newEnd != null ? newEnd : newStart.plus(Duration.between(startsAt, endsAt));
            if (!end.isAfter(newStart)) {
                throw InvalidInputException.of("endsAt", "validation.end-before-start");
            }
            registerEvent(new EventRescheduled(id));
            this.startsAt = newStart;
            this.endsAt = end;
        }
        this.dateUndecided = newStart == null;
        moveTo(EventStatus.POSTPONED, "postponed");
        registerEvent(new EventCalledOff(id, false));
    }

    private void requireCallable(Instant now) {
        if (status == EventStatus.CANCELLED) {
            throw new ConflictException("status", "event.lifecycle.already-cancelled");
        }
        if (status != EventStatus.PUBLISHED && status != EventStatus.POSTPONED) {
            throw new ConflictException("status", "event.lifecycle.not-published");
        }
        if (!endsAt.isAfter(now)) {
            throw new ConflictException("status", "event.lifecycle.over");
        }
    }

    /** A draft, or an event nobody holds a registration for (a mistaken test event), may be deleted. */
    void requireDeletable(boolean hasRegistrations) {
        if (hasRegistrations) {
            throw new ConflictException("event", "event.lifecycle.delete-registered");
        }
    }

    private void moveTo(EventStatus next, String transition) {
        registerEvent(new EventStatusChanged(organizationId, id, transition, status));
        this.status = next;
    }

    public EventStatus status() {
        return status;
    }

    /** Whether anyone may see the event; drafts and hidden events are for staff only. */
    public boolean isPublic() {
        return status.isPublic();
    }

    /** Postponed with the new date not decided yet (延期・日程未定). */
    public boolean dateUndecided() {
        return status == EventStatus.POSTPONED && dateUndecided;
    }

    /** When the event was first published, or null for a draft. */
    public Instant publishedAt() {
        return publishedAt;
    }

    /**
     * Applies the details. Registrants hear of what concerns them once it is saved: the place decided (会場未定 no
     * longer) and a new online join URL.
     */
    void describe(EventDetails details) {
        if (id != null && !details.startsAt().equals(startsAt)) {
            registerEvent(new EventRescheduled(id));
            if (dateUndecided()) {
                registerEvent(new EventDateDecided(id));
            }
            this.dateUndecided = false;
        }
        boolean wasUndecided = placeUndecided();
        String previousUrl = onlineUrl;
        this.title = details.title();
        this.description = details.description();
        this.kind = details.kind();
        this.startsAt = details.startsAt();
        this.endsAt = details.endsAt() != null ? details.endsAt() : details.startsAt().plus(DEFAULT_LENGTH);
        this.online = details.online();
        this.onlineUrl = details.onlineUrl();
        Venue venue = details.venue();
        this.venueName = venue == null ? null : venue.name();
        this.venueAddress = venue == null ? null : venue.address();
        this.prefectureCode = venue == null ? null : venue.prefecture().code();
        this.city = venue == null ? null : venue.city();
        this.hashtag = details.hashtag().map(Hashtag::value).orElse(null);
        this.connpassUrl = details.connpassUrl();
        if (id != null && wasUndecided && !placeUndecided()) {
            registerEvent(new EventPlaceDecided(id));
        }
        if (id != null && onlineUrl != null && !onlineUrl.equals(previousUrl)) {
            registerEvent(new OnlineUrlChanged(id));
        }
    }

    /** A session's own start time lies within the event. */
    void setAgenda(List<Session> agenda) {
        for (int i = 0; i < agenda.size(); i++) {
            Instant at = agenda.get(i).startsAt();
            if (at != null && (at.isBefore(startsAt) || !at.isBefore(endsAt))) {
                throw InvalidInputException.of("sessions[" + i + "].startsAt", "event.session.starts-outside");
            }
        }
        this.sessions = List.copyOf(agenda);
    }

    /**
     * Sets when registration opens and closes; null opens it at once and keeps it open until the event ends.
     */
    void scheduleRegistration(Instant opensAt, Instant closesAt) {
        Instant effectiveClose = closesAt != null ? closesAt : endsAt;
        if (opensAt != null && !opensAt.isBefore(effectiveClose)) {
            throw InvalidInputException.of("registrationClosesAt", "validation.registration-window");
        }
        this.registrationOpensAt = opensAt;
        this.registrationClosesAt = closesAt;
    }

    /** Numbers the event in a series of its community; the number is unique in the series (the database says so). */
    void joinSeries(Series series, int number) {
        if (series.communityId() != communityId) {
            throw InvalidInputException.of("series", "event.series.other-community");
        }
        if (number < 1) {
            throw InvalidInputException.of("number", "event.series.number");
        }
        this.seriesId = series.id();
        this.seriesNumber = number;
    }

    /** The series the event belongs to, or null. */
    public Long seriesId() {
        return seriesId;
    }

    /** The event's number in its series, or null. */
    public Integer seriesNumber() {
        return seriesNumber;
    }

    /**
     * Whether a registration made at {@code now} is taken: the event is published (or postponed to a known date) and
     * within its registration window.
     */
    public boolean registrationOpen(Instant now) {
        return takesRegistrations(status, dateUndecided)
                && new RegistrationWindow(registrationOpensAt, registrationClosesAt).isOpen(now, endsAt);
    }

    /** Registration has a set opening time still to come. */
    public boolean registrationNotYetOpen(Instant now) {
        return takesRegistrations(status, dateUndecided) && registrationOpensAt != null
                && now.isBefore(registrationOpensAt);
    }

    static boolean takesRegistrations(EventStatus status, boolean dateUndecided) {
        return status == EventStatus.PUBLISHED || status == EventStatus.POSTPONED && !dateUndecided;
    }

    public Instant registrationOpensAt() {
        return registrationOpensAt;
    }

    public Instant registrationClosesAt() {
        return registrationClosesAt;
    }

    public boolean hasStarted(Instant now) {
        return !startsAt.isAfter(now);
    }

    public Long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public long communityId() {
        return communityId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public EventKind kind() {
        return kind;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public boolean online() {
        return online;
    }

    /** Neither a venue nor online yet (会場未定): pages, calendars and feeds say so. */
    public boolean placeUndecided() {
        return prefectureCode == null && !online;
    }

    /** The join URL: for confirmed registrants and staff only, never on a public page, feed, calendar or API answer. */
    public String onlineUrl() {
        return onlineUrl;
    }

    public Optional<Venue> venue() {
        return prefecture().map(p -> new Venue(venueName, venueAddress, p, city));
    }

    public Optional<Prefecture> prefecture() {
        return Prefecture.ofCode(prefectureCode);
    }

    public String venueName() {
        return venueName;
    }

    public String city() {
        return city;
    }

    public String hashtagText() {
        return hashtag == null ? "" : "#" + hashtag;
    }

    public Optional<Hashtag> hashtag() {
        return Optional.ofNullable(hashtag).map(Hashtag::new);
    }

    /** The event's own page on connpass, or null. */
    public String connpassUrl() {
        return connpassUrl;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Session> sessions() {
        return sessions;
    }

    /** The details as they stand, for editing. */
    public EventDetails details() {
        return new EventDetails(title, description, kind, startsAt, endsAt, venue().orElse(null), online, onlineUrl,
                hashtag(), connpassUrl);
    }
}
