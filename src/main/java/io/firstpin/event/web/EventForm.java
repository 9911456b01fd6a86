package io.firstpin.event.web;

import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Frame;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.event.Material;
import io.firstpin.event.RegistrationWindow;
import io.firstpin.event.Session;
import io.firstpin.event.SessionKind;
import io.firstpin.event.SessionPlan;
import io.firstpin.event.Venue;
import io.firstpin.platform.DateTimes;
import io.firstpin.platform.Hashtag;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.geo.Prefecture;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The event form as posted. Blank frame and session rows are the form's spare rows and are ignored. */
record EventForm(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 20000) String description,
        @NotNull EventKind kind,
        @NotBlank @Size(max = 40) String startsAt,
        @Size(max = 40) String endsAt,
        Boolean online,
        @Size(max = 2000) String onlineUrl,
        @Size(max = 200) String venueName,
        @Size(max = 500) String venueAddress,
        @Size(max = 5) String prefecture,
        @Size(max = 100) String city,
        @Size(max = 100) String hashtag,
        @Size(max = 2000) String connpassUrl,
        @Size(max = 40) String registrationOpensAt,
        @Size(max = 40) String registrationClosesAt,
        @Valid @Size(max = 20) List<FrameRow> frames,
        @Valid @Size(max = 100) List<SessionRow> sessions) {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** Domain field names that the form calls differently. */
    private static final Map<String, String> FIELDS = Map.of("venue.prefecture", "prefecture", "venue.name", "venueName",
            "venue.city", "city", "venue.address", "venueAddress");

    /** The form's field for a domain field; a problem of one frame or session row shows above its table. */
    static String formField(String field) {
        if (field.startsWith("frames[")) {
            return "frames";
        }
        if (field.startsWith("sessions[")) {
            return "sessions";
        }
        return FIELDS.getOrDefault(field, field);
    }

    EventForm {
        frames = frames == null ? List.of() : frames.stream().filter(Objects::nonNull).toList();
        sessions = sessions == null ? List.of() : sessions.stream().filter(Objects::nonNull).toList();
    }

    /** A new event's form; the prefecture is where the community usually meets, 東京都 before its first venue. */
    static EventForm blank(Optional<Prefecture> usualPrefecture) {
        return new EventForm("", "", EventKind.STUDY_SESSION, "", "", false, "", "", "",
                usualPrefecture.orElse(Prefecture.TOKYO).code(), "", "", "", "", "",
                List.of(new FrameRow(null, "一般枠", 50, FrameMode.FIFO, ""), FrameRow.spare()),
                List.of(new SessionRow(SessionKind.UPDATE, "", null, "", "", ""), SessionRow.spare()));
    }

    static EventForm of(Event event, List<Frame> frames, Map<Long, String> speakerNames, ZoneId zone) {
        List<FrameRow> frameRows = new ArrayList<>(frames.stream()
                .map(f -> new FrameRow(f.id(), f.name(), f.capacity(), f.mode(), input(f.lotteryAt(), zone)))
                .toList());
        frameRows.add(FrameRow.spare());
        List<SessionRow> sessionRows = new ArrayList<>(event.sessions().stream()
                .map(s -> SessionRow.of(s, speakerNames, zone))
                .toList());
        sessionRows.add(SessionRow.spare());
        return new EventForm(event.title(), event.description(), event.kind(), input(event.startsAt(), zone),
                input(event.endsAt(), zone), event.online(), event.onlineUrl(), event.venueName(),
                event.venue().map(Venue::address).orElse(""), event.prefecture().map(Prefecture::code).orElse(""),
                event.city(), event.hashtagText(), event.connpassUrl(), input(event.registrationOpensAt(), zone),
                input(event.registrationClosesAt(), zone), frameRows, sessionRows);
    }

    EventDetails details(ZoneId zone) {
        boolean hasVenue = prefecture != null && !prefecture.isBlank();
        Venue venue = null;
        if (hasVenue) {
            Prefecture chosen = Prefecture.ofCode(prefecture)
                    .orElseThrow(() -> InvalidInputException.of("venue.prefecture", "validation.prefecture"));
            venue = new Venue(venueName, venueAddress, chosen, city);
        }
        return new EventDetails(title, description, kind, DateTimes.parse("startsAt", startsAt, zone),
                DateTimes.parse("endsAt", endsAt, zone), venue, Boolean.TRUE.equals(online), onlineUrl,
                Hashtag.parse("hashtag", hashtag), connpassUrl);
    }

    RegistrationWindow window(ZoneId zone) {
        return new RegistrationWindow(DateTimes.parse("registrationOpensAt", registrationOpensAt, zone),
                DateTimes.parse("registrationClosesAt", registrationClosesAt, zone));
    }

    List<FramePlan> framePlans(ZoneId zone) {
        List<FramePlan> plans = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).filled()) {
                plans.add(row("frames", i, frames.get(i), row -> row.plan(zone)));
            }
        }
        return plans;
    }

    /** The agenda; a session's start is a time of day on the event's first day, or the next when earlier. */
    List<SessionPlan> agenda(ZoneId zone) {
        Instant eventStart = DateTimes.parse("startsAt", startsAt, zone);
        List<SessionPlan> plans = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).filled()) {
                plans.add(row("sessions", i, sessions.get(i), row -> row.plan(eventStart, zone)));
            }
        }
        return plans;
    }

    private static <R, T> T row(String table, int index, R row, java.util.function.Function<R, T> read) {
        try {
            return read.apply(row);
        } catch (InvalidInputException e) {
            throw e.within(table + "[" + index + "]");
        }
    }

    private static String input(Instant instant, ZoneId zone) {
        return instant == null ? "" : INPUT.format(instant.atZone(zone));
    }

    record FrameRow(Long id, @Size(max = 100) String name, @Min(1) @Max(1_000_000) Integer capacity, FrameMode mode,
            @Size(max = 40) String lotteryAt) {

        static FrameRow spare() {
            return new FrameRow(null, "", null, FrameMode.FIFO, "");
        }

        boolean filled() {
            return name != null && !name.isBlank();
        }

        FramePlan plan(ZoneId zone) {
            return new FramePlan(id, name, capacity, mode, DateTimes.parse("lotteryAt", lotteryAt, zone));
        }
    }

    /** Speakers are typed as names separated by commas; materials one per line as "title URL" or just the URL. */
    record SessionRow(SessionKind kind, @Size(max = 200) String title, @Min(1) @Max(1440) Integer durationMinutes,
            @Size(max = 1000) String speakers, @Size(max = 4000) String materials, @Size(max = 10) String startsAt) {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

        static SessionRow spare() {
            return new SessionRow(SessionKind.LIGHTNING_TALK, "", null, "", "", "");
        }

        static SessionRow of(Session session, Map<Long, String> speakerNames, ZoneId zone) {
            String speakers = session.speakerIds().stream().map(id -> speakerNames.getOrDefault(id, ""))
                    .filter(n -> !n.isBlank()).collect(Collectors.joining(", "));
            String materials = session.materials().stream()
                    .map(m -> m.title() == null ? m.url() : m.title() + " " + m.url())
                    .collect(Collectors.joining("\n"));
            return new SessionRow(session.kind(), session.title(), session.durationMinutes(), speakers, materials,
                    session.startsAt() == null ? "" : TIME.format(session.startsAt().atZone(zone)));
        }

        boolean filled() {
            return title != null && !title.isBlank();
        }

        SessionPlan plan(Instant eventStart, ZoneId zone) {
            List<String> names = speakers == null ? List.of() : Arrays.asList(speakers.split("[,、，\\n]"));
            return new SessionPlan(kind, title, durationMinutes, names, parseMaterials(), start(eventStart, zone));
        }

        private Instant start(Instant eventStart, ZoneId zone) {
            if (startsAt == null || startsAt.isBlank() || eventStart == null) {
                return null;
            }
            LocalTime time;
            try {
                time = LocalTime.parse(startsAt.strip());
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("startsAt", "event.session.starts-at-invalid");
            }
            ZonedDateTime start = eventStart.atZone(zone);
            ZonedDateTime at = start.with(time);
            return (at.isBefore(start) ? at.plusDays(1) : at).toInstant();
        }

        private List<Material> parseMaterials() {
            if (materials == null || materials.isBlank()) {
                return List.of();
            }
            List<Material> parsed = new ArrayList<>();
            for (String line : materials.split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int at = trimmed.lastIndexOf("http");
                if (at < 0) {
                    throw InvalidInputException.of("materials", "validation.url");
                }
                parsed.add(Material.link(trimmed.substring(at), trimmed.substring(0, at)));
            }
            return parsed;
        }
    }
}
