package io.firstpin.event;

import io.firstpin.platform.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An agenda item of an event, with its speakers and materials. */
@Table("event_session")
public class Session {

    @Id
    private Long id;
    private final SessionKind kind;
    private final String title;
    private final Instant startsAt;
    private final Integer durationMinutes;
    @MappedCollection(idColumn = "event_session_id", keyColumn = "event_session_key")
    private final List<SpeakerRef> speakers;
    @MappedCollection(idColumn = "event_session_id", keyColumn = "event_session_key")
    private final List<Material> materials;

    @PersistenceCreator
    Session(Long id, SessionKind kind, String title, Instant startsAt, Integer durationMinutes, List<SpeakerRef> speakers,
            List<Material> materials) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.startsAt = startsAt;
        this.durationMinutes = durationMinutes;
        this.speakers = List.copyOf(speakers == null ? List.of() : speakers);
        this.materials = List.copyOf(materials == null ? List.of() : materials);
    }

    /** A new agenda item; the duration defaults to what the method prescribes for its kind. */
    public static Session of(SessionKind kind, String title, Integer durationMinutes, List<Long> speakerIds,
            List<Material> materials) {
        return of(kind, title, null, durationMinutes, speakerIds, materials);
    }

    /** A new agenda item starting at a time of its own ({@code startsAt} null: only its place in the order). */
    public static Session of(SessionKind kind, String title, Instant startsAt, Integer durationMinutes,
            List<Long> speakerIds, List<Material> materials) {
        if (title == null || title.isBlank()) {
            throw InvalidInputException.of("title", "event.session.title-required");
        }
        if (title.strip().length() > 200) {
            throw InvalidInputException.of("title", "validation.too-long", 200);
        }
        if (durationMinutes != null && (durationMinutes < 1 || durationMinutes > 24 * 60)) {
            throw InvalidInputException.of("durationMinutes", "event.session.duration");
        }
        return new Session(null, kind, title.strip(), startsAt,
                durationMinutes != null ? durationMinutes : defaultMinutes(kind),
                speakerIds.stream().distinct().map(SpeakerRef::new).toList(), materials);
    }

    private static int defaultMinutes(SessionKind kind) {
        switch (kind) {
            case CASE_STUDY:
                return 20;
            case LIGHTNING_TALK:
                return 5;
            case KEYNOTE:
                return 40;
            default:
                return 20;
        }
    }

    public Long id() {
        return id;
    }

    public SessionKind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Integer durationMinutes() {
        return durationMinutes;
    }

    public List<Long> speakerIds() {
        return speakers.stream().map(SpeakerRef::memberId).toList();
    }

    public List<Material> materials() {
        return materials;
    }
}
