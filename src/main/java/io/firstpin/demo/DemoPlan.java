package io.firstpin.demo;

import java.util.List;

/**
 * Everything a demo organization holds, decided in memory before anything is written. Members are referred to by
 * their position in {@link #people()}, communities by their position in {@link #communities()}; times are epoch
 * seconds. Enum names are the column values the other modules map.
 */
record DemoPlan(List<DemoCommunities.Spec> communities, List<Person> people, long[] memberCreatedAt,
        List<Event> events, long historyStart) {

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
            String hashtag, long createdAt, List<Session> sessions, List<Frame> frames, List<Registration> registrations) {
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
}
