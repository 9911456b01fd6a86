package io.firstpin.event;

import org.springframework.data.relational.core.mapping.Table;

/** A member who speaks in a session. */
@Table("session_speaker")
public record SpeakerRef(long memberId) {
}
