package io.firstpin.member;

import java.time.LocalDate;

/** The size of a member's audience on one channel as known on {@code asOf}. */
public record Audience(AudienceChannel channel, long size, LocalDate asOf, AudienceSource source) {
}
