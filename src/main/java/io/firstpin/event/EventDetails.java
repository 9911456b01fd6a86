package io.firstpin.event;

import io.firstpin.platform.Hashtag;
import io.firstpin.platform.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an event is: its title, kind, time and place. An event takes place at a venue, online, or both (a hybrid
 * event has a venue and an online URL); with neither, its place is not decided yet (会場未定) and is given later.
 *
 * @param connpassUrl the event's own page on connpass where it is also published, or null; posts linking it report on
 *        the event
 */
public record EventDetails(String title, String description, EventKind kind, Instant startsAt, Instant endsAt,
        Venue venue, boolean online, String onlineUrl, Optional<Hashtag> hashtag, String connpassUrl) {

    /** An event published on Firstpin alone. */
    public EventDetails(String title, String description, EventKind kind, Instant startsAt, Instant endsAt,
            Venue venue, boolean online, String onlineUrl, Optional<Hashtag> hashtag) {
        this(title, description, kind, startsAt, endsAt, venue, online, onlineUrl, hashtag, null);
    }

    public EventDetails {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(problem("title", "validation.required"));
        } else if (title.strip().length() > 200) {
            problems.add(problem("title", "validation.too-long", 200));
        }
        if (description != null && description.length() > 20000) {
            problems.add(problem("description", "validation.too-long", 20000));
        }
        if (startsAt == null) {
            problems.add(problem("startsAt", "validation.required"));
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            problems.add(problem("endsAt", "validation.end-before-start"));
        }
        if (onlineUrl != null && !onlineUrl.isBlank() && !Material.isWebAddress(onlineUrl.strip())) {
            problems.add(problem("onlineUrl", "validation.url"));
        }
        if (connpassUrl != null && !connpassUrl.isBlank()
                && (connpassUrl.strip().length() > 2000 || !Material.isWebAddress(connpassUrl.strip()))) {
            problems.add(problem("connpassUrl", "validation.url"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        title = title.strip();
        description = description == null || description.isBlank() ? null : description.strip();
        kind = kind == null ? EventKind.STUDY_SESSION : kind;
        onlineUrl = onlineUrl == null || onlineUrl.isBlank() ? null : onlineUrl.strip();
        connpassUrl = connpassUrl == null || connpassUrl.isBlank() ? null : connpassUrl.strip();
        hashtag = hashtag == null ? Optional.empty() : hashtag;
    }

    /** Neither a venue nor online yet: the place is to be decided (会場未定). */
    public boolean placeUndecided() {
        return venue == null && !online;
    }

    private static InvalidInputException.FieldProblem problem(String field, String code, Object... args) {
        return new InvalidInputException.FieldProblem(field, code, List.of(args));
    }
}
