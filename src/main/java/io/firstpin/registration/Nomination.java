package io.firstpin.registration;

import java.time.Instant;

/**
 * An applicant of a lottery frame whom staff picked to win before the draw (指名: a speaker, a helper).
 *
 * @param nominatedBy the staff account or API token that nominated them ({@code account 12}, {@code token 3})
 */
public record Nomination(long registrationId, String nominatedBy, Instant nominatedAt) {
}
