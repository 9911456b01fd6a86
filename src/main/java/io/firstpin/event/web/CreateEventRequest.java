package io.firstpin.event.web;

import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.event.Material;
import io.firstpin.event.RegistrationWindow;
import io.firstpin.event.SessionKind;
import io.firstpin.event.SessionPlan;
import io.firstpin.event.Venue;
import io.firstpin.platform.DateTimes;
import io.firstpin.platform.Hashtag;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.Problems;
import io.firstpin.platform.geo.Prefecture;
import io.firstpin.platform.web.CheckedRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/v1/communities/{slug}/events}. Neither {@code venue} nor {@code online} is required: without them
 * the place is to be decided (会場未定). With {@code draft} true the event is kept to staff until it is published. Read
 * whole: every value that does not parse is reported in one answer.
 */
record CreateEventRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 40) String startsAt,
        @Size(max = 40) String endsAt,
        @Size(max = 40) String kind,
        @Valid VenueRequest venue,
        Boolean online,
        @Size(max = 2000) String onlineUrl,
        @Size(max = 100) String hashtag,
        @Size(max = 2000) String connpassUrl,
        @Size(max = 20000) String description,
        @Size(max = 40) String registrationOpensAt,
        @Size(max = 40) String registrationClosesAt,
        @Valid @Size(max = 20) List<FrameRequest> frames,
        @Valid @Size(max = 100) List<SessionRequest> sessions,
        Boolean draft) implements CheckedRequest {

    /** What the request asks for, with times read in the community's zone. */
    record Plan(EventDetails details, RegistrationWindow window, List<FramePlan> frames, List<SessionPlan> agenda) {
    }

    @Override
    public void check(Problems problems) {
        // whether a value parses does not depend on the zone
        read(ZoneOffset.UTC, problems);
    }

    Plan plan(ZoneId zone) {
        Problems problems = new Problems();
        Plan plan = read(zone, problems);
        problems.throwIfAny();
        return plan;
    }

    private Plan read(ZoneId zone, Problems problems) {
        EventKind eventKind = problems.attempt(() -> EventKind.parse("kind", kind));
        Instant starts = problems.attempt(() -> DateTimes.parse("startsAt", startsAt, zone));
        Instant ends = problems.attempt(() -> DateTimes.parse("endsAt", endsAt, zone));
        Venue place = venue == null ? null : problems.attempt(venue::toVenue);
        Optional<Hashtag> tag = problems.attempt(() -> Hashtag.parse("hashtag", hashtag));
        Instant opens = problems.attempt(() -> DateTimes.parse("registrationOpensAt", registrationOpensAt, zone));
        Instant closes = problems.attempt(() -> DateTimes.parse("registrationClosesAt", registrationClosesAt, zone));
        RegistrationWindow window = new RegistrationWindow(opens, closes);
        EventDetails details = null;
        if (problems.size() == 0) {
            boolean isOnline = online != null ? online
                    : eventKind == EventKind.ONLINE || (onlineUrl != null && !onlineUrl.isBlank());
            details = problems.attempt(() -> new EventDetails(title, description, eventKind, starts, ends, place,
                    isOnline, onlineUrl, tag, connpassUrl));
        }
        List<FramePlan> framePlans = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; frames != null && i < frames.size(); i++) {
            String path = "frames[" + i + "]";
            FrameRequest frame = frames.get(i);
            if (frame == null) {
                problems.add(InvalidInputException.of(path, "error.field.required"));
                continue;
            }
            FramePlan plan = frame.toPlan(zone, starts, path, problems);
            if (plan != null && !names.add(plan.name())) {
                problems.add(InvalidInputException.of(path + ".name", "validation.frame-name.duplicate"));
            }
            framePlans.add(plan);
        }
        List<SessionPlan> agenda = new ArrayList<>();
        for (int i = 0; sessions != null && i < sessions.size(); i++) {
            String path = "sessions[" + i + "]";
            if (sessions.get(i) == null) {
                problems.add(InvalidInputException.of(path, "error.field.required"));
                continue;
            }
            agenda.add(sessions.get(i).toPlan(zone, path, problems));
        }
        return new Plan(details, window, framePlans, agenda);
    }

    record VenueRequest(@Size(max = 200) String name, @Size(max = 20) String prefecture, @Size(max = 100) String city,
            @Size(max = 500) String address) {

        Venue toVenue() {
            Prefecture parsed = Prefecture.parse(prefecture)
                    .orElseThrow(() -> InvalidInputException.of("venue.prefecture", "validation.prefecture"));
            return new Venue(name, address, parsed, city);
        }
    }

    record FrameRequest(@NotBlank @Size(max = 100) String name, @Min(1) @Max(1_000_000) Integer capacity,
            @Size(max = 20) String mode, @Size(max = 40) String lotteryAt) {

        /** The frame as planned; a lottery is drawn before the event starts. */
        FramePlan toPlan(ZoneId zone, Instant eventStartsAt, String path, Problems problems) {
            FrameMode frameMode = problems.attempt(path, () -> FrameMode.parse("mode", mode));
            Instant drawAt = problems.attempt(path, () -> DateTimes.parse("lotteryAt", lotteryAt, zone));
            if (frameMode == FrameMode.LOTTERY
                    && (drawAt == null || eventStartsAt != null && !drawAt.isBefore(eventStartsAt))) {
                problems.add(InvalidInputException.of(path + ".lotteryAt", "validation.lottery-at"));
            }
            return problems.attempt(path, () -> new FramePlan(null, name, capacity, frameMode, drawAt));
        }
    }

    record SessionRequest(@Size(max = 40) String kind, @NotBlank @Size(max = 200) String title,
            @Min(1) @Max(1440) Integer durationMinutes, @Size(max = 10) List<@Size(max = 200) String> speakers,
            @Valid @Size(max = 20) List<MaterialRequest> materials, @Size(max = 40) String startsAt) {

        SessionPlan toPlan(ZoneId zone, String path, Problems problems) {
            SessionKind sessionKind = problems.attempt(path, () -> SessionKind.parse("kind", kind));
            Instant starts = problems.attempt(path, () -> DateTimes.parse("startsAt", startsAt, zone));
            List<Material> links = new ArrayList<>();
            for (int j = 0; materials != null && j < materials.size(); j++) {
                MaterialRequest m = materials.get(j);
                Material link = m == null ? null
                        : problems.attempt(path + ".materials[" + j + "]", () -> Material.link(m.url(), m.title()));
                if (link != null) {
                    links.add(link);
                }
            }
            return new SessionPlan(sessionKind, title, durationMinutes, speakers, links, starts);
        }
    }

    record MaterialRequest(@NotBlank @Size(max = 2000) String url, @Size(max = 200) String title) {
    }
}
