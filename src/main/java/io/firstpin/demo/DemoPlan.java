package io.firstpin.demo;

import java.util.List;

/**
 * Everything a demo organization holds, decided in memory before anything is written. Members are referred to by
 * their position in {@link #people()}, communities by their position in {@link #communities()}; times are epoch
 * seconds. Enum names are the column values the other modules map.
 */
record DemoPlan(List<DemoCommunities.Spec> communities, List<Person> people, long[] memberCreatedAt,
        List<Event> events, long historyStart, Aftermath aftermath) {

    enum IdentityKind { EMAIL, CONNPASS, X, BLUESKY, GITHUB, FEED }

    enum EventKind { STUDY_SESSION, BIG_EVENT, ONLINE, AFTER_PARTY }

    enum SessionKind { UPDATE, CASE_STUDY, LIGHTNING_TALK, KEYNOTE }

    enum MaterialKind { SLIDES, VIDEO, OTHER }

    enum FrameMode { FIFO, LOTTERY }

    enum Status { CONFIRMED, WAITLISTED, CANCELLED, APPLIED, LOST }

    enum CheckIn { QR, CODE, STAFF, WALK_IN, IMPORT }

    record Person(String displayName, boolean staff, String handle, String email, List<Identity> identities) {
    }

    record Identity(IdentityKind kind, String value, String normalized) {
    }

    record Event(int community, EventKind kind, String title, String description, long startsAt, long endsAt,
            boolean online, String onlineUrl, String venueName, String venueAddress, String prefectureCode, String city,
            String hashtag, long createdAt, List<Session> sessions, List<Frame> frames, List<Registration> registrations,
            int parent) {

        /** Whether the event is a sub-event (the after-party under its study session, {@link #parent()}). */
        boolean subEvent() {
            return parent >= 0;
        }
    }

    /** @param startsAt epoch seconds, or null when the agenda gives no time */
    record Session(SessionKind kind, String title, Long startsAt, int durationMinutes, int[] speakers,
            List<Material> materials) {
    }

    record Material(MaterialKind kind, String url, String title) {
    }

    /** @param capacity null for no limit */
    record Frame(String name, Integer capacity, FrameMode mode, Long lotteryAt) {
    }

    /**
     * @param frame position of the frame in its event
     * @param checkIn how the person checked in, or null when there is no attendance row
     */
    record Registration(int person, int frame, Status status, Integer waitlistPosition, long registeredAt,
            CheckIn checkIn, long checkedInAt) {
    }

    enum OutputKind { BLOG, SLIDE, VIDEO, MEDIA }

    enum OutputSource { SUBMITTED, STAFF, FEED, AGENDA }

    enum LinkedBy { SUBMITTED, MANUAL, HASHTAG, AGENDA }

    enum AudienceChannel { X, GITHUB, FEED, YOUTUBE }

    /**
     * What the history left behind: posts about the events, the members' feeds, survey answers and outside audiences.
     * Decided after the events, from them, with a random stream of its own.
     */
    record Aftermath(List<Feed> feeds, List<Output> outputs, List<SurveyRound> surveys, List<Answer> answers,
            List<Audience> audiences) {

        static Aftermath none() {
            return new Aftermath(List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }

    /** A member's registered blog feed. */
    record Feed(int person, String url, long registeredAt, Long lastSuccessAt) {
    }

    /**
     * @param author null for a media article written by outsiders
     * @param feed position in {@link Aftermath#feeds()} when it came in through the author's feed, or -1
     * @param event position of the event it reports on
     */
    record Output(OutputKind kind, String url, String title, Integer author, long publishedAt, OutputSource source,
            int feed, int event, LinkedBy linkedBy, long linkedAt) {
    }

    /** The survey email round of a past event: when it went out and to how many attendees. */
    record SurveyRound(int event, long doneAt, int recipients) {
    }

    /**
     * One survey response.
     *
     * @param registration position of the answering registration among all registrations, event after event
     */
    record Answer(int event, int registration, int person, int nps, Integer ces, Integer heat, String best,
            String comment, boolean wantsToSpeak, String talkTopic, boolean wantsToOrganise, boolean anonymous,
            long answeredAt) {
    }

    record Audience(int person, AudienceChannel channel, long size, long asOf) {
    }
}
