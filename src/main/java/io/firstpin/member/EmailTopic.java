package io.firstpin.member;

import java.util.Locale;
import java.util.Optional;

/**
 * A kind of email that is not transactional, which a member may choose not to get ({@link EmailPreferences}): nudges
 * to write a report, survey invitations, email staff send to a segment, the announcements of one followed community,
 * and the announcements of every followed community at once (what the one-click unsubscribe of an announcement email,
 * which groups several communities, stops). Stored by its {@link #key()}.
 *
 * @param communityId the community whose announcements these are; null for the other kinds
 */
public record EmailTopic(Kind kind, Long communityId) {

    public static final EmailTopic OUTPUT_NUDGES = new EmailTopic(Kind.OUTPUT_NUDGES, null);
    public static final EmailTopic SURVEY_INVITATIONS = new EmailTopic(Kind.SURVEY_INVITATIONS, null);
    public static final EmailTopic SEGMENT_EMAILS = new EmailTopic(Kind.SEGMENT_EMAILS, null);
    public static final EmailTopic ALL_ANNOUNCEMENTS = new EmailTopic(Kind.ALL_ANNOUNCEMENTS, null);

    private static final String ANNOUNCEMENTS_PREFIX = "announcements:";

    public EmailTopic {
        if (kind == null || (kind == Kind.ANNOUNCEMENTS) != (communityId != null)) {
            throw new IllegalArgumentException("announcements name their community, other topics none");
        }
    }

    /** The announcements of one community's new events to the members who follow it. */
    public static EmailTopic announcementsOf(long communityId) {
        return new EmailTopic(Kind.ANNOUNCEMENTS, communityId);
    }

    /**
     * As stored: {@code output-nudges}, {@code survey-invitations}, {@code segment-emails}, {@code all-announcements},
     * {@code announcements:12}.
     */
    public String key() {
        return kind == Kind.ANNOUNCEMENTS ? ANNOUNCEMENTS_PREFIX + communityId : kind.name().toLowerCase(Locale.ROOT)
                .replace('_', '-');
    }

    /** The topic a stored key names; empty for anything else. */
    public static Optional<EmailTopic> ofKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.startsWith(ANNOUNCEMENTS_PREFIX)) {
            try {
                return Optional.of(announcementsOf(Long.parseLong(key.substring(ANNOUNCEMENTS_PREFIX.length()))));
            } catch (NumberFormatException notOurs) {
                return Optional.empty();
            }
        }
        for (EmailTopic topic : new EmailTopic[] {OUTPUT_NUDGES, SURVEY_INVITATIONS, SEGMENT_EMAILS, ALL_ANNOUNCEMENTS}) {
            if (topic.key().equals(key)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }

    public enum Kind {
        OUTPUT_NUDGES, SURVEY_INVITATIONS, SEGMENT_EMAILS, ANNOUNCEMENTS, ALL_ANNOUNCEMENTS
    }
}
