package io.firstpin.survey;

import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;

import io.firstpin.attendee.AttendeeRule;
import io.firstpin.event.EventFrames;
import io.firstpin.event.EventReads;
import io.firstpin.event.SessionKind;
import io.firstpin.event.TalkReads;
import io.firstpin.event.UpcomingFrames;
import io.firstpin.member.Member;
import io.firstpin.member.MemberReads;
import io.firstpin.member.Members;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registered;
import io.firstpin.registration.SeatReservations;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * From "I'd like to give an LT" to the talk: the people who said in a survey that they would like to speak or help
 * organise, with their history, and a one-step invitation that reserves them a seat in an upcoming event's frame.
 */
@Service
public class SpeakerPipeline {

    private final DSLContext db;
    private final Members members;
    private final SeatReservations reservations;
    private final EventFrames frames;
    private final Clock clock;

    SpeakerPipeline(DSLContext db, Members members, SeatReservations reservations, EventFrames frames, Clock clock) {
        this.db = db;
        this.members = members;
        this.reservations = reservations;
        this.frames = frames;
        this.clock = clock;
    }

    /**
     * Everyone whose latest survey answer given under their name volunteers them, most recent answer first. An answer
     * given anonymously is never read here: putting its wish next to the respondent's name would undo the anonymity.
     */
    @Transactional(readOnly = true)
    public List<Volunteer> volunteers(long organizationId) {
        var latest = DSL.select(SURVEY_RESPONSE.MEMBER_ID, DSL.max(SURVEY_RESPONSE.UPDATED_AT).as("latest"))
                .from(SURVEY_RESPONSE)
                .where(SURVEY_RESPONSE.ORGANIZATION_ID.eq(organizationId))
                .and(SURVEY_RESPONSE.ANONYMOUS.isFalse())
                .groupBy(SURVEY_RESPONSE.MEMBER_ID)
                .asTable("latest");
        EventReads event = EventReads.events();
        Field<Integer> attended = AttendeeRule.eventsAttended(MemberReads.id());
        Field<Integer> lightningTalks = talks(SessionKind.LIGHTNING_TALK);
        Field<Integer> caseStudies = talks(SessionKind.CASE_STUDY);
        return db.select(MemberReads.id(), MemberReads.displayName(), SURVEY_RESPONSE.WANTS_TO_SPEAK, SURVEY_RESPONSE.TALK_TOPIC,
                        SURVEY_RESPONSE.WANTS_TO_ORGANISE, event.id(), event.title(), event.startsAt(), attended,
                        lightningTalks, caseStudies)
                .from(SURVEY_RESPONSE)
                .join(latest).on(latest.field(SURVEY_RESPONSE.MEMBER_ID).eq(SURVEY_RESPONSE.MEMBER_ID)
                        .and(latest.field("latest", SURVEY_RESPONSE.UPDATED_AT.getType())
                                .eq(SURVEY_RESPONSE.UPDATED_AT)))
                .join(MemberReads.members()).on(MemberReads.id().eq(SURVEY_RESPONSE.MEMBER_ID))
                .join(event.table()).on(event.id().eq(SURVEY_RESPONSE.EVENT_ID))
                .where(SURVEY_RESPONSE.ORGANIZATION_ID.eq(organizationId))
                .and(SURVEY_RESPONSE.ANONYMOUS.isFalse())
                .and(SURVEY_RESPONSE.WANTS_TO_SPEAK.isTrue().or(SURVEY_RESPONSE.WANTS_TO_ORGANISE.isTrue()))
                .orderBy(SURVEY_RESPONSE.UPDATED_AT.desc(), MemberReads.id())
                .fetch(row -> new Volunteer(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6(), row.value7(), row.value8().toInstant(), row.value9(), row.value10(),
                        row.value11()));
    }

    /** The frames of the organization's upcoming events, soonest first, with their confirmed seats. */
    @Transactional(readOnly = true)
    public List<OpenFrame> upcomingFrames(long organizationId) {
        UpcomingFrames upcoming = UpcomingFrames.of(organizationId, clock.instant());
        Field<Integer> confirmed = AttendeeRule.seatsHeld(upcoming.frameId());
        return db.select(upcoming.frameId(), upcoming.frameName(), upcoming.capacity(), confirmed, upcoming.eventId(),
                        upcoming.eventTitle(), upcoming.startsAt())
                .from(upcoming.table())
                .orderBy(upcoming.startsAt(), upcoming.eventId(), upcoming.displayOrder())
                .limit(100)
                .fetch(row -> new OpenFrame(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6(), row.value7().toInstant()));
    }

    /**
     * Invites the member to the frame's event with a reserved seat; the registration module refuses a full frame and
     * someone registered already, and sends the invitation.
     */
    @Transactional
    public Registered invite(long organizationId, long memberId, long frameId, Locale locale) {
        Member member = members.inOrganization(organizationId, memberId);
        String email = member.primaryEmail()
                .orElseThrow(() -> InvalidInputException.of("member", "survey.pipeline.no-email"));
        long eventId = frames.eventOf(organizationId, frameId)
                .orElseThrow(() -> NotFoundException.of("frame", frameId));
        return reservations.reserve(organizationId, eventId, frameId, memberId,
                new Applicant(member.displayName(), email, locale));
    }

    private static Field<Integer> talks(SessionKind kind) {
        return DSL.field(DSL.selectCount().from(TalkReads.talks())
                .where(TalkReads.speakerId().eq(MemberReads.id()))
                .and(TalkReads.kind().eq(kind.name())));
    }

    /** A volunteer, their latest answer and what they have done so far. */
    public record Volunteer(long memberId, String displayName, boolean wantsToSpeak, String talkTopic,
            boolean wantsToOrganise, long answeredForEventId, String answeredForEvent, Instant answeredForStartsAt,
            int eventsAttended, int lightningTalks, int caseStudies) {
    }

    /** A frame of an upcoming event that an invitation can reserve a seat in. */
    public record OpenFrame(long frameId, String frameName, Integer capacity, int confirmed, long eventId,
            String eventTitle, Instant startsAt) {

        public boolean hasSeat() {
            return capacity == null || confirmed < capacity;
        }
    }
}
