package io.firstpin.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an organization holds about a member (GDPR art. 15 and 20, APPI's 開示): the member and the members
 * merged into it, how they are known, what they registered for and answered, where they checked in, what they wrote,
 * said in surveys, spoke about and led, their outside audience, their email preferences, the communities they follow,
 * the passkeys they added and the email sent to them.
 * Read from every table that points at a member ({@code MemberDataCoverageTests} holds the list against the schema).
 */
public record MemberExport(Instant exportedAt, Person member, List<Long> mergedMembers, List<Identity> identities,
        List<Registration> registrations, List<CheckIn> attendance, List<UndoneCheckIn> undoneCheckIns,
        List<Talk> talks, List<Output> outputs, List<Feed> feeds, List<SurveyResponse> surveyResponses,
        List<LeaderRole> leaderRoles, List<Audience> reach, List<String> optOuts, List<Email> emails,
        List<Nudge> nudges, List<SegmentEmail> segmentEmails, List<ImportedPerson> importedAs, List<Follow> follows,
        List<Announcement> announcements, List<Passkey> passkeys) {

    public record Person(long id, String displayName, boolean staff, boolean provisional, Instant createdAt,
            Instant erasedAt) {
    }

    public record Identity(String kind, String value) {
    }

    public record Answer(String question, String answer) {
    }

    public record Registration(long id, long eventId, String event, Instant eventStartsAt, String community,
            String frame, String status, Integer waitlistPosition, String name, String email, Instant registeredAt,
            Instant cancelledAt, List<Answer> answers) {
    }

    public record CheckIn(long eventId, String event, String method, Instant checkedInAt) {
    }

    public record UndoneCheckIn(long eventId, String event, Instant checkedInAt, Instant undoneAt) {
    }

    public record Talk(long eventId, String event, String kind, String title) {
    }

    public record Output(long id, String url, String type, String title, Instant publishedAt, List<Long> events) {
    }

    public record Feed(String url, Instant addedAt) {
    }

    public record SurveyResponse(long eventId, String event, int nps, Integer ces, Integer heat, String best,
            String comment, boolean wantsToSpeak, String talkTopic, boolean wantsToOrganise, boolean anonymous,
            Instant answeredAt, List<Answer> answers) {
    }

    public record LeaderRole(String community, LocalDate startedOn, LocalDate endedOn) {
    }

    public record Audience(String channel, long size, LocalDate asOf, String source) {
    }

    /** An email of the organization's outbox to one of the member's addresses: what and when, not the text. */
    public record Email(String to, String subject, String status, Instant queuedAt, Instant sentAt) {
    }

    public record Nudge(long eventId, String event, Instant sentAt) {
    }

    public record SegmentEmail(String subject, Instant sentAt) {
    }

    public record Follow(String community, Instant followedAt, Instant unfollowedAt) {
    }

    /** A passkey the member added on their page: the name they gave it and when; never its key. */
    public record Passkey(String label, Instant addedAt, Instant lastUsedAt) {
    }

    /** A new event of a followed community, announced to the member by email. */
    public record Announcement(long eventId, String event, String community, Instant sentAt) {
    }

    /** How an imported file named someone it had no identity for (a withdrawn connpass user, a Meetup member). */
    public record ImportedPerson(long eventId, String event, String rowKey) {
    }
}
