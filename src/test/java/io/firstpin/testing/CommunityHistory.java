package io.firstpin.testing;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.COMMUNITY;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.EVENT_SESSION;
import static io.firstpin.platform.db.Tables.FRAME;
import static io.firstpin.platform.db.Tables.LEADER_ROLE;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_LINK;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.SESSION_SPEAKER;
import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;

import io.firstpin.attendance.PastCheckInsRecorded;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.platform.Slug;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.RegistrationStatusChanged;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Writes a community's past straight into the tables, as an import of old events would: events on given dates, and
 * who registered, in which status, and who checked in. Times are local times of the community's zone (Asia/Tokyo).
 */
public final class CommunityHistory {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final DSLContext db;
    private final Communities communities;
    private final ApplicationEventPublisher events;
    private final Community community;

    /** Rows are written as an import writes them, and each is announced as an import announces it. */
    public CommunityHistory(DSLContext db, Communities communities, ApplicationEventPublisher events,
            Community community) {
        this.db = db;
        this.communities = communities;
        this.events = events;
        this.community = community;
    }

    public Community community() {
        return community;
    }

    /** A branch of the community, recorded in Firstpin on {@code createdOn}. */
    public Community branch(String name, LocalDate createdOn) {
        Community branch = communities.start(community.organizationId(),
                new Slug("branch-" + NEXT.incrementAndGet() + "-" + System.nanoTime()),
                CommunityProfile.of(name, null, null, "Asia/Tokyo"), community.slug());
        db.update(COMMUNITY).set(COMMUNITY.CREATED_AT, local(createdOn.atStartOfDay()))
                .where(COMMUNITY.ID.eq(branch.id())).execute();
        return communities.inOrganization(community.organizationId(), branch.id());
    }

    public long member(String name) {
        return person(name, false);
    }

    /** A member who works for the vendor (社員). */
    public long staffMember(String name) {
        return person(name, true);
    }

    public Held eventAt(String localStart, String prefectureCode, String city) {
        return eventOf(community, localStart, prefectureCode, city);
    }

    public Held onlineEventAt(String localStart) {
        return eventOf(community, localStart, null, null);
    }

    public Held eventOf(Community holder, String localStart, String prefectureCode, String city) {
        return held(holder, "STUDY_SESSION", localStart, prefectureCode, city);
    }

    /** The evening's after-party (懇親会), held as an event of its own. */
    public Held afterPartyAt(String localStart, String prefectureCode, String city) {
        return held(community, "AFTER_PARTY", localStart, prefectureCode, city);
    }

    private Held held(Community holder, String kind, String localStart, String prefectureCode, String city) {
        OffsetDateTime start = local(LocalDateTime.parse(localStart));
        long eventId = db.insertInto(EVENT)
                .set(EVENT.ORGANIZATION_ID, holder.organizationId())
                .set(EVENT.COMMUNITY_ID, holder.id())
                .set(EVENT.TITLE, holder.name() + " " + localStart)
                .set(EVENT.KIND, kind)
                .set(EVENT.STARTS_AT, start)
                .set(EVENT.ENDS_AT, start.plusHours(2))
                .set(EVENT.ONLINE, prefectureCode == null)
                .set(EVENT.PREFECTURE_CODE, prefectureCode)
                .set(EVENT.CITY, city)
                .set(EVENT.CREATED_AT, start.minusDays(30))
                .returning(EVENT.ID).fetchSingle().getId();
        long frameId = db.insertInto(FRAME)
                .set(FRAME.ORGANIZATION_ID, holder.organizationId())
                .set(FRAME.EVENT_ID, eventId)
                .set(FRAME.NAME, "一般枠")
                .set(FRAME.MODE, "FIFO")
                .set(FRAME.DISPLAY_ORDER, 0)
                .returning(FRAME.ID).fetchSingle().getId();
        return new Held(eventId, frameId, start);
    }

    /** A leader role of the member in the community from {@code from} through {@code to} (open when null). */
    public void leader(long member, String from, String to) {
        leaderOf(community, member, from, to);
    }

    public void leaderOf(Community holder, long member, String from, String to) {
        db.insertInto(LEADER_ROLE)
                .set(LEADER_ROLE.ORGANIZATION_ID, holder.organizationId())
                .set(LEADER_ROLE.COMMUNITY_ID, holder.id())
                .set(LEADER_ROLE.MEMBER_ID, member)
                .set(LEADER_ROLE.STARTED_ON, LocalDate.parse(from))
                .set(LEADER_ROLE.ENDED_ON, to == null ? null : LocalDate.parse(to))
                .set(LEADER_ROLE.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }

    private long person(String name, boolean staff) {
        return db.insertInto(MEMBER)
                .set(MEMBER.ORGANIZATION_ID, community.organizationId())
                .set(MEMBER.DISPLAY_NAME, name)
                .set(MEMBER.STAFF, staff)
                .set(MEMBER.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .returning(MEMBER.ID).fetchSingle().getId();
    }

    private OffsetDateTime local(LocalDateTime time) {
        return time.atZone(community.timeZone()).toOffsetDateTime();
    }

    /** One event of the history, to say who came. */
    public final class Held {

        private final long id;
        private final long frameId;
        private final OffsetDateTime start;

        Held(long id, long frameId, OffsetDateTime start) {
            this.id = id;
            this.frameId = frameId;
            this.start = start;
        }

        public long id() {
            return id;
        }

        /** The event's start; it ends two hours later. */
        public Instant startsAt() {
            return start.toInstant();
        }

        /** The event's one frame. */
        public long frameId() {
            return frameId;
        }

        /** Registered, confirmed and checked in. */
        public Held checkedIn(long... members) {
            for (long member : members) {
                attend(member, register(member, "CONFIRMED"));
            }
            return this;
        }

        /** Confirmed, then did not come (a no-show once the event has check-ins). */
        public Held confirmed(long... members) {
            for (long member : members) {
                register(member, "CONFIRMED");
            }
            return this;
        }

        public Held waitlisted(long... members) {
            for (long member : members) {
                register(member, "WAITLISTED");
            }
            return this;
        }

        public Held cancelled(long... members) {
            for (long member : members) {
                register(member, "CANCELLED");
            }
            return this;
        }

        public Held lostTheLottery(long... members) {
            for (long member : members) {
                register(member, "LOST");
            }
            return this;
        }

        /** Checked in without any registration, as an imported attendance list can have it. */
        public Held checkedInWithoutRegistration(long... members) {
            for (long member : members) {
                attend(member, null);
            }
            return this;
        }

        /** An output linked to this event (by its author's submission), or one staff unlinked again. */
        public Held reportedBy(long author, String url, boolean unlinkedByStaff) {
            long output = db.insertInto(OUTPUT)
                    .set(OUTPUT.ORGANIZATION_ID, community.organizationId())
                    .set(OUTPUT.URL, url)
                    .set(OUTPUT.NORMALIZED_URL, url)
                    .set(OUTPUT.KIND, "BLOG")
                    .set(OUTPUT.AUTHOR_MEMBER_ID, author)
                    .set(OUTPUT.SOURCE, "SUBMITTED")
                    .set(OUTPUT.CREATED_AT, start.plusDays(1))
                    .returning(OUTPUT.ID).fetchSingle().getId();
            db.insertInto(OUTPUT_LINK)
                    .set(OUTPUT_LINK.OUTPUT_ID, output)
                    .set(OUTPUT_LINK.EVENT_ID, id)
                    .set(OUTPUT_LINK.LINKED_BY, "SUBMITTED")
                    .set(OUTPUT_LINK.LINKED_AT, start.plusDays(1))
                    .set(OUTPUT_LINK.UNLINKED_AT, unlinkedByStaff ? start.plusDays(2) : null)
                    .execute();
            return this;
        }

        /** A lightning talk on the agenda, given by the member. */
        public Held lightningTalkBy(long member) {
            return session("LIGHTNING_TALK", member);
        }

        /** A customer case study (事例紹介) on the agenda, given by the member. */
        public Held caseStudyBy(long member) {
            return session("CASE_STUDY", member);
        }

        private Held session(String kind, long member) {
            int key = db.fetchCount(EVENT_SESSION, EVENT_SESSION.EVENT_ID.eq(id));
            long session = db.insertInto(EVENT_SESSION)
                    .set(EVENT_SESSION.EVENT_ID, id)
                    .set(EVENT_SESSION.EVENT_KEY, key)
                    .set(EVENT_SESSION.KIND, kind)
                    .set(EVENT_SESSION.TITLE, kind + " " + key)
                    .returning(EVENT_SESSION.ID).fetchSingle().getId();
            db.insertInto(SESSION_SPEAKER)
                    .set(SESSION_SPEAKER.EVENT_SESSION_ID, session)
                    .set(SESSION_SPEAKER.EVENT_SESSION_KEY, 0)
                    .set(SESSION_SPEAKER.MEMBER_ID, member)
                    .execute();
            return this;
        }

        /**
         * An output of the kind ({@code BLOG}, {@code SOCIAL}, {@code MEDIA} …) linked to this event, published at a
         * local time of the community's zone; {@code author} null for one no member is known to have written.
         * Answers the output's id.
         */
        public long wrote(Long author, String kind, String url, String localPublishedAt) {
            OffsetDateTime published = local(LocalDateTime.parse(localPublishedAt));
            long output = db.insertInto(OUTPUT)
                    .set(OUTPUT.ORGANIZATION_ID, community.organizationId())
                    .set(OUTPUT.URL, url)
                    .set(OUTPUT.NORMALIZED_URL, url)
                    .set(OUTPUT.KIND, kind)
                    .set(OUTPUT.AUTHOR_MEMBER_ID, author)
                    .set(OUTPUT.PUBLISHED_AT, published)
                    .set(OUTPUT.SOURCE, "FEED")
                    .set(OUTPUT.CREATED_AT, published.plusHours(1))
                    .returning(OUTPUT.ID).fetchSingle().getId();
            alsoLinks(output);
            return output;
        }

        /** Links an output already recorded (for another event) to this one too. */
        public Held alsoLinks(long output) {
            db.insertInto(OUTPUT_LINK)
                    .set(OUTPUT_LINK.OUTPUT_ID, output)
                    .set(OUTPUT_LINK.EVENT_ID, id)
                    .set(OUTPUT_LINK.LINKED_BY, "MANUAL")
                    .set(OUTPUT_LINK.LINKED_AT, start)
                    .execute();
            return this;
        }

        /**
         * The survey answer of a registrant of this event, the day after it, under their name or anonymously (then no
         * page may show it under their name).
         */
        public Held surveyAnsweredBy(long member, int nps, boolean anonymous, String comment) {
            long registration = db.select(REGISTRATION.ID).from(REGISTRATION)
                    .where(REGISTRATION.EVENT_ID.eq(id)).and(REGISTRATION.MEMBER_ID.eq(member))
                    .fetchSingle(REGISTRATION.ID);
            db.insertInto(SURVEY_RESPONSE)
                    .set(SURVEY_RESPONSE.REGISTRATION_ID, registration)
                    .set(SURVEY_RESPONSE.EVENT_ID, id)
                    .set(SURVEY_RESPONSE.ORGANIZATION_ID, community.organizationId())
                    .set(SURVEY_RESPONSE.MEMBER_ID, member)
                    .set(SURVEY_RESPONSE.NPS, nps)
                    .set(SURVEY_RESPONSE.COMMENT, comment)
                    .set(SURVEY_RESPONSE.WANTS_TO_SPEAK, false)
                    .set(SURVEY_RESPONSE.WANTS_TO_ORGANISE, false)
                    .set(SURVEY_RESPONSE.ANONYMOUS, anonymous)
                    .set(SURVEY_RESPONSE.ANSWERED_AT, start.plusDays(1))
                    .set(SURVEY_RESPONSE.UPDATED_AT, start.plusDays(1))
                    .execute();
            return this;
        }

        /** Checked in although the registration stands as waitlisted, lost or applied: it must not count. */
        public Held checkedInWhile(RegistrationStatus status, long... members) {
            for (long member : members) {
                attend(member, register(member, status.name()));
            }
            return this;
        }

        /** A check-in whose registration was cancelled afterwards: it must not count. */
        public Held cancelledAfterCheckingIn(long member) {
            attend(member, register(member, "CANCELLED"));
            return this;
        }

        private Long register(long member, String status) {
            long registration = db.insertInto(REGISTRATION)
                    .set(REGISTRATION.ORGANIZATION_ID, community.organizationId())
                    .set(REGISTRATION.EVENT_ID, id)
                    .set(REGISTRATION.FRAME_ID, frameId)
                    .set(REGISTRATION.MEMBER_ID, member)
                    .set(REGISTRATION.NAME, "member " + member)
                    .set(REGISTRATION.EMAIL, "m" + member + "@example.com")
                    .set(REGISTRATION.STATUS, status)
                    .set(REGISTRATION.WAITLIST_POSITION, "WAITLISTED".equals(status) ? 1 : null)
                    .set(REGISTRATION.REGISTERED_AT, start.minusDays(7))
                    .returning(REGISTRATION.ID).fetchSingle().getId();
            events.publishEvent(new RegistrationStatusChanged(id, member, RegistrationStatus.valueOf(status)));
            return registration;
        }

        private void attend(long member, Long registration) {
            db.insertInto(ATTENDANCE)
                    .set(ATTENDANCE.ORGANIZATION_ID, community.organizationId())
                    .set(ATTENDANCE.EVENT_ID, id)
                    .set(ATTENDANCE.MEMBER_ID, member)
                    .set(ATTENDANCE.REGISTRATION_ID, registration)
                    .set(ATTENDANCE.METHOD, registration == null ? "IMPORT" : "STAFF")
                    .set(ATTENDANCE.CHECKED_IN_AT, start.plusMinutes(5))
                    .execute();
            events.publishEvent(new PastCheckInsRecorded(id));
        }
    }
}
