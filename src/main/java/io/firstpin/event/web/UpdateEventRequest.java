package io.firstpin.event.web;

import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Venue;
import io.firstpin.platform.DateTimes;
import io.firstpin.platform.Hashtag;
import io.firstpin.platform.Problems;
import io.firstpin.platform.web.CheckedRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@code PATCH /api/v1/events/{id}}: the fields given replace the event's, absent or null ones stay as they are. An
 * empty {@code onlineUrl} removes the online URL. Agenda and frames are changed elsewhere.
 */
record UpdateEventRequest(
        @Size(max = 200) String title,
        @Size(max = 40) String startsAt,
        @Size(max = 40) String endsAt,
        @Size(max = 40) String kind,
        @Valid CreateEventRequest.VenueRequest venue,
        Boolean online,
        @Size(max = 2000) String onlineUrl,
        @Size(max = 100) String hashtag,
        @Size(max = 2000) String connpassUrl,
        @Size(max = 20000) String description) implements CheckedRequest {

    @Override
    public void check(Problems problems) {
        read(null, ZoneOffset.UTC, problems);
    }

    EventDetails applyTo(EventDetails current, ZoneId zone) {
        Problems problems = new Problems();
        EventDetails details = read(current, zone, problems);
        problems.throwIfAny();
        return details;
    }

    private EventDetails read(EventDetails current, ZoneId zone, Problems problems) {
        EventKind newKind = kind == null ? null : problems.attempt(() -> EventKind.parse("kind", kind));
        Instant starts = startsAt == null ? null : problems.attempt(() -> DateTimes.parse("startsAt", startsAt, zone));
        Instant ends = endsAt == null ? null : problems.attempt(() -> DateTimes.parse("endsAt", endsAt, zone));
        Venue place = venue == null ? null : problems.attempt(venue::toVenue);
        Optional<Hashtag> tag = hashtag == null ? null : problems.attempt(() -> Hashtag.parse("hashtag", hashtag));
        if (current == null || problems.size() > 0) {
            return null;
        }
        boolean startMoved = starts != null && !starts.equals(current.startsAt());
        // an event moved without a new end keeps its length
        Instant newEnd = ends != null ? ends
                : startMoved ? starts.plus(java.time.Duration.between(current.startsAt(), current.endsAt()))
                : current.endsAt();
        boolean goesOnline = online != null ? online
                : current.online() || (onlineUrl != null && !onlineUrl.isBlank());
        return problems.attempt(() -> new EventDetails(
                title != null ? title : current.title(),
                description != null ? description : current.description(),
                newKind != null ? newKind : current.kind(),
                starts != null ? starts : current.startsAt(),
                newEnd,
                place != null ? place : current.venue(),
                goesOnline,
                onlineUrl != null ? onlineUrl : current.onlineUrl(),
                tag != null ? tag : current.hashtag(),
                connpassUrl != null ? connpassUrl : current.connpassUrl()));
    }
}
