package io.firstpin.event;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.platform.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Copies an event to a new date in one step, as a monthly session is run: what it is (description, kind, place,
 * hashtag), the agenda's shape (kinds, titles, lengths; no speakers or materials), the frames (a lottery drawn as long
 * before the event as the source's), the registration window shifted alike, and, through {@link EventCopied}, the
 * registration questions and the survey settings. Not copied: the online join URL (a meeting URL is per session more
 * often than not, and it goes to registrants), the connpass URL, registrations. In a series the copy takes the next
 * number, and the source's number in the title becomes the new one (Vol.12 → Vol.13).
 */
@Service
public class EventCopies {

    private final Events events;
    private final EventSeries series;
    private final Communities communities;
    private final ApplicationEventPublisher publisher;

    EventCopies(Events events, EventSeries series, Communities communities, ApplicationEventPublisher publisher) {
        this.events = events;
        this.series = series;
        this.communities = communities;
        this.publisher = publisher;
    }

    /** @param title the copy's title; null: the source's, renumbered in a series */
    @Transactional
    public Event copy(long organizationId, long eventId, Instant startsAt, String title) {
        if (startsAt == null) {
            throw InvalidInputException.of("startsAt", "validation.required");
        }
        Event source = events.inOrganization(organizationId, eventId);
        Community community = communities.inOrganization(organizationId, source.communityId());
        Duration shift = Duration.between(source.startsAt(), startsAt);
        Series inSeries = source.seriesId() == null ? null : series.inOrganization(organizationId, source.seriesId());
        Integer number = inSeries == null ? null : series.nextNumber(inSeries.id());
        String copyTitle = title != null && !title.isBlank() ? title.strip() : renumbered(source, inSeries, number);

        EventDetails details = new EventDetails(copyTitle, source.description(), source.kind(), startsAt,
                source.endsAt().plus(shift), source.venue().orElse(null), source.online(), null, source.hashtag());
        List<SessionPlan> agenda = source.sessions().stream()
                .map(session -> new SessionPlan(session.kind(), session.title(), session.durationMinutes(), List.of(),
                        List.of(), shifted(session.startsAt(), shift)))
                .toList();
        List<FramePlan> frames = events.frames(eventId).stream()
                .map(frame -> new FramePlan(null, frame.name(), frame.capacity(), frame.mode(),
                        frame.lotteryAt() == null ? null : frame.lotteryAt().plus(shift)))
                .toList();
        RegistrationWindow window = new RegistrationWindow(shifted(source.registrationOpensAt(), shift),
                shifted(source.registrationClosesAt(), shift));

        Event copy = events.plan(community, details, agenda, frames, frames.get(0).name(), window);
        if (inSeries != null) {
            copy = series.number(organizationId, copy.id(), inSeries.id(), number);
        }
        publisher.publishEvent(new EventCopied(organizationId, eventId, copy.id()));
        return copy;
    }

    private static String renumbered(Event source, Series inSeries, Integer number) {
        if (inSeries == null || source.seriesNumber() == null) {
            return source.title();
        }
        String old = inSeries.label(source.seriesNumber());
        return source.title().contains(old) ? source.title().replace(old, inSeries.label(number)) : source.title();
    }

    private static Instant shifted(Instant instant, Duration shift) {
        return instant == null ? null : instant.plus(shift);
    }
}
