package io.firstpin.demo;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.COMMUNITY;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.EVENT_RECEPTION;
import static io.firstpin.platform.db.Tables.EVENT_SESSION;
import static io.firstpin.platform.db.Tables.FRAME;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.SESSION_MATERIAL;
import static io.firstpin.platform.db.Tables.SESSION_SPEAKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;

import io.firstpin.identity.LoginHint;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccount;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.platform.db.tables.records.CommunityRecord;
import io.firstpin.testing.DatabaseTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestConstructor;

@DatabaseTest
// a context of its own: the checks below read whole tables and must see only what the generator wrote
@SpringBootTest(properties = "firstpin.test.context=demo-generator")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataGeneratorTests {

    static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");
    static final OffsetDateTime NOW_AT = NOW.atOffset(ZoneOffset.UTC);
    /** Small, yet with enough events per branch that the behaviour checks hold for any seed, not just this one. */
    static final DemoSize SIZE = DemoSize.of(800, 80);
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final DemoDataGenerator generator;
    private final DSLContext db;
    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final ObjectProvider<LoginHint.Source> hints;

    private DemoSummary summary;
    private DemoFacts facts;

    DemoDataGeneratorTests(DemoDataGenerator generator, DSLContext db, StaffAccounts accounts, PasswordEncoder passwords,
            ObjectProvider<LoginHint.Source> hints) {
        this.generator = generator;
        this.db = db;
        this.accounts = accounts;
        this.passwords = passwords;
        this.hints = hints;
    }

    @BeforeAll
    void generate() {
        summary = generator.generate(SIZE, 7, NOW);
        facts = new DemoFacts(db, NOW_AT);
    }

    private long organization() {
        return facts.organizationId;
    }

    @Test
    void reportsExactlyWhatItWrote() {
        long org = organization();
        assertThat(summary.members()).isEqualTo(SIZE.members());
        assertThat(summary.events()).isEqualTo(SIZE.events());
        assertThat(db.fetchCount(COMMUNITY, COMMUNITY.ORGANIZATION_ID.eq(org))).isEqualTo(summary.communities());
        assertThat(db.fetchCount(MEMBER, MEMBER.ORGANIZATION_ID.eq(org))).isEqualTo(summary.members());
        assertThat(db.fetchCount(MEMBER_IDENTITY, MEMBER_IDENTITY.ORGANIZATION_ID.eq(org))).isEqualTo(summary.identities());
        assertThat(db.fetchCount(EVENT, EVENT.ORGANIZATION_ID.eq(org))).isEqualTo(summary.events());
        assertThat(db.fetchCount(EVENT_SESSION)).isEqualTo(summary.sessions());
        assertThat(db.fetchCount(FRAME, FRAME.ORGANIZATION_ID.eq(org))).isEqualTo(summary.frames());
        assertThat(db.fetchCount(REGISTRATION, REGISTRATION.ORGANIZATION_ID.eq(org))).isEqualTo(summary.registrations());
        assertThat(db.fetchCount(ATTENDANCE, ATTENDANCE.ORGANIZATION_ID.eq(org))).isEqualTo(summary.attendances());
        assertThat(summary.attendances()).isBetween(SIZE.attendances() * 6 / 10, SIZE.attendances() * 13 / 10);
    }

    @Test
    void theNationalCommunityHasRegionalAndTopicBranches() {
        Map<String, CommunityRecord> bySlug = db.selectFrom(COMMUNITY).where(COMMUNITY.ORGANIZATION_ID.eq(organization()))
                .fetchMap(COMMUNITY.SLUG);
        CommunityRecord national = bySlug.get("jaws-ug");
        assertThat(national).isNotNull();
        assertThat(national.get(COMMUNITY.PARENT_ID)).isNull();
        assertThat(national.get(COMMUNITY.HASHTAG)).isEqualTo("jawsug");
        List<CommunityRecord> branches = bySlug.values().stream()
                .filter(c -> national.get(COMMUNITY.ID).equals(c.get(COMMUNITY.PARENT_ID))).toList();
        assertThat(branches).hasSizeGreaterThanOrEqualTo(6).hasSize(bySlug.size() - 1);
        assertThat(bySlug).containsKeys("jaws-ug-tokyo", "jaws-ug-osaka", "jaws-ug-fukuoka", "jaws-ug-sapporo",
                "jaws-ug-nagoya", "jaws-ug-okinawa", "jaws-ug-beginners", "jaws-ug-containers");
        assertThat(bySlug.get("jaws-ug-osaka").get(COMMUNITY.HASHTAG)).isEqualTo("jawsug_osaka");
        assertThat(bySlug.get("jaws-ug-beginners").get(COMMUNITY.NAME)).contains("初心者支部");
        assertThat(bySlug.values()).allSatisfy(c -> {
            assertThat(c.get(COMMUNITY.INTEREST_AXIS)).isNotBlank();
            assertThat(c.get(COMMUNITY.TIME_ZONE)).isEqualTo("Asia/Tokyo");
        });
    }

    @Test
    void everyCommunityHoldsEventsAfterItWasCreated() {
        var rows = db.select(COMMUNITY.SLUG, COMMUNITY.CREATED_AT, count(EVENT.ID), min(EVENT.STARTS_AT))
                .from(COMMUNITY).leftJoin(EVENT).on(EVENT.COMMUNITY_ID.eq(COMMUNITY.ID))
                .where(COMMUNITY.ORGANIZATION_ID.eq(organization()))
                .groupBy(COMMUNITY.SLUG, COMMUNITY.CREATED_AT).fetch();
        assertThat(rows).hasSize(summary.communities()).allSatisfy(r -> {
            assertThat(r.value3()).as(r.value1()).isGreaterThanOrEqualTo(2);
            assertThat(r.value2()).as(r.value1()).isBefore(r.value4());
        });
    }

    @Test
    void jawsDaysIsAYearlyBigEventInTokyo() {
        var bigEvents = db.selectFrom(EVENT).where(EVENT.ORGANIZATION_ID.eq(organization()).and(EVENT.KIND.eq("BIG_EVENT")))
                .fetch();
        assertThat(bigEvents).hasSize(SIZE.years()).allSatisfy(e -> {
            assertThat(e.getTitle()).startsWith("JAWS DAYS ");
            assertThat(e.getPrefectureCode()).isEqualTo("JP-13");
            assertThat(e.getOnline()).isFalse();
        });
        int largestOther = db.select(count()).from(ATTENDANCE).join(EVENT).on(EVENT.ID.eq(ATTENDANCE.EVENT_ID))
                .where(EVENT.KIND.ne("BIG_EVENT")).groupBy(EVENT.ID).fetch(0, Integer.class).stream()
                .max(Integer::compare).orElse(0);
        int smallestBig = db.select(count()).from(ATTENDANCE).join(EVENT).on(EVENT.ID.eq(ATTENDANCE.EVENT_ID))
                .where(EVENT.KIND.eq("BIG_EVENT")).groupBy(EVENT.ID).fetch(0, Integer.class).stream()
                .min(Integer::compare).orElse(0);
        assertThat(smallestBig).isGreaterThan(largestOther);
    }

    @Test
    void onlineEventsHaveNoVenueAndStudySessionsAreOnWeekdayEveningsInTokyo() {
        var events = db.selectFrom(EVENT).where(EVENT.ORGANIZATION_ID.eq(organization())).fetch();
        assertThat(events).extracting(e -> e.getKind())
                .contains("STUDY_SESSION", "ONLINE", "BIG_EVENT", "AFTER_PARTY")
                .allMatch(kind -> Set.of("STUDY_SESSION", "BIG_EVENT", "ONLINE", "AFTER_PARTY").contains(kind));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getEndsAt()).isAfter(e.getStartsAt());
            assertThat(e.getOnline()).isEqualTo("ONLINE".equals(e.getKind()));
            if (e.getOnline()) {
                assertThat(e.getPrefectureCode()).isNull();
                assertThat(e.getVenueName()).isNull();
                assertThat(e.getOnlineUrl()).startsWith("https://");
            } else {
                assertThat(e.getPrefectureCode()).matches("JP-(0[1-9]|[1-3][0-9]|4[0-7])");
                assertThat(e.getCity()).isNotBlank();
                assertThat(e.getVenueName()).isNotBlank();
            }
        });
        assertThat(events).filteredOn(e -> "STUDY_SESSION".equals(e.getKind())).isNotEmpty().allSatisfy(e -> {
            ZonedDateTime start = e.getStartsAt().atZoneSameInstant(TOKYO);
            assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(19, 0));
            assertThat(e.getEndsAt().atZoneSameInstant(TOKYO).toLocalTime()).isEqualTo(LocalTime.of(21, 0));
            assertThat(start.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        });
    }

    @Test
    void studySessionsFollowUpdateThenCaseStudyThenLightningTalks() {
        var sessions = db.select(EVENT.ID, EVENT_SESSION.ID, EVENT_SESSION.EVENT_KEY, EVENT_SESSION.KIND,
                        EVENT_SESSION.DURATION_MINUTES)
                .from(EVENT_SESSION).join(EVENT).on(EVENT.ID.eq(EVENT_SESSION.EVENT_ID))
                .where(EVENT.ORGANIZATION_ID.eq(organization()).and(EVENT.KIND.eq("STUDY_SESSION")))
                .orderBy(EVENT.ID, EVENT_SESSION.EVENT_KEY).fetchGroups(EVENT.ID);
        assertThat(sessions).hasSize(db.fetchCount(EVENT, EVENT.ORGANIZATION_ID.eq(organization())
                .and(EVENT.KIND.eq("STUDY_SESSION"))));
        Set<Long> staff = facts.staff;
        Map<Long, List<Long>> speakers = db.select(SESSION_SPEAKER.EVENT_SESSION_ID, SESSION_SPEAKER.MEMBER_ID)
                .from(SESSION_SPEAKER).orderBy(SESSION_SPEAKER.EVENT_SESSION_ID, SESSION_SPEAKER.EVENT_SESSION_KEY)
                .fetchGroups(SESSION_SPEAKER.EVENT_SESSION_ID, SESSION_SPEAKER.MEMBER_ID);
        sessions.forEach((event, agenda) -> {
            List<String> kinds = agenda.map(r -> r.get(EVENT_SESSION.KIND));
            assertThat(agenda.map(r -> r.get(EVENT_SESSION.EVENT_KEY))).as("keys").containsExactlyElementsOf(
                    IntStream.range(0, agenda.size()).boxed().toList());
            assertThat(String.join(" ", kinds)).as("agenda of event " + event)
                    .matches("UPDATE( CASE_STUDY)+( LIGHTNING_TALK){2,}");
            agenda.forEach(s -> {
                int minutes = s.get(EVENT_SESSION.DURATION_MINUTES);
                switch (s.get(EVENT_SESSION.KIND)) {
                    case "UPDATE":
                        assertThat(minutes).isBetween(20, 30);
                        assertThat(staff).as("vendor update by staff").containsAll(speakers.get(s.get(EVENT_SESSION.ID)));
                        break;
                    case "CASE_STUDY":
                        assertThat(minutes).isEqualTo(20);
                        break;
                    default:
                        assertThat(minutes).isEqualTo(5);
                }
                assertThat(speakers.get(s.get(EVENT_SESSION.ID))).isNotEmpty();
            });
        });
        assertThat(db.fetchCount(SESSION_MATERIAL, SESSION_MATERIAL.URL.like("https://speakerdeck.com/%"))).isPositive();
        assertThat(db.selectDistinct(SESSION_MATERIAL.KIND).from(SESSION_MATERIAL).fetch(SESSION_MATERIAL.KIND))
                .contains("SLIDES", "VIDEO").allMatch(k -> Set.of("SLIDES", "VIDEO", "OTHER").contains(k));
    }

    @Test
    void lightningTalkSpeakersAreRepeatersAndCaseStudiesComeFromFormerLightningTalkers() {
        Map<Long, Set<Long>> attendedBefore = new HashMap<>();
        Set<Long> attendedSoFar = new HashSet<>();
        for (DemoFacts.PastEvent event : facts.pastEvents) {
            attendedBefore.put(event.id(), new HashSet<>(attendedSoFar));
            attendedSoFar.addAll(event.attendees());
        }
        var talks = db.select(EVENT.ID, EVENT_SESSION.KIND, SESSION_SPEAKER.MEMBER_ID, SESSION_SPEAKER.EVENT_SESSION_KEY)
                .from(SESSION_SPEAKER).join(EVENT_SESSION).on(EVENT_SESSION.ID.eq(SESSION_SPEAKER.EVENT_SESSION_ID))
                .join(EVENT).on(EVENT.ID.eq(EVENT_SESSION.EVENT_ID))
                .where(EVENT.ORGANIZATION_ID.eq(organization()).and(EVENT.ENDS_AT.le(NOW_AT)))
                .orderBy(EVENT.STARTS_AT, EVENT.ID).fetch();
        Set<Long> formerLightningTalkers = new HashSet<>();
        int lightningTalks = 0;
        int byRepeaters = 0;
        int caseStudies = 0;
        int byFormerLightningTalkers = 0;
        Long currentEvent = null;
        List<Long> thisEventsTalkers = new ArrayList<>();
        for (var talk : talks) {
            if (!talk.value1().equals(currentEvent)) {
                formerLightningTalkers.addAll(thisEventsTalkers);
                thisEventsTalkers.clear();
                currentEvent = talk.value1();
            }
            if ("LIGHTNING_TALK".equals(talk.value2())) {
                lightningTalks++;
                byRepeaters += attendedBefore.get(talk.value1()).contains(talk.value3()) ? 1 : 0;
                thisEventsTalkers.add(talk.value3());
            } else if ("CASE_STUDY".equals(talk.value2()) && talk.value4() == 0) {
                caseStudies++;
                byFormerLightningTalkers += formerLightningTalkers.contains(talk.value3()) ? 1 : 0;
            }
        }
        assertThat(byRepeaters).isGreaterThanOrEqualTo(lightningTalks * 8 / 10);
        assertThat(byFormerLightningTalkers).isGreaterThanOrEqualTo(caseStudies * 6 / 10);
    }

    @Test
    void everyRegistrationHasItsEventsReceptionNumberOneToTheLastWithoutGaps() {
        var perEvent = db.select(REGISTRATION.EVENT_ID, count(), min(REGISTRATION.RECEPTION_NUMBER),
                        max(REGISTRATION.RECEPTION_NUMBER), countDistinct(REGISTRATION.RECEPTION_NUMBER),
                        EVENT_RECEPTION.LAST_NUMBER)
                .from(REGISTRATION).join(EVENT_RECEPTION).on(EVENT_RECEPTION.EVENT_ID.eq(REGISTRATION.EVENT_ID))
                .where(REGISTRATION.ORGANIZATION_ID.eq(organization()))
                .groupBy(REGISTRATION.EVENT_ID, EVENT_RECEPTION.LAST_NUMBER)
                .fetch();

        assertThat(perEvent).isNotEmpty().allSatisfy(event -> {
            assertThat(event.value3()).isEqualTo(1);
            assertThat(event.value4()).isEqualTo(event.value2()).isEqualTo(event.value5()).isEqualTo(event.value6());
        });
        assertThat(perEvent.stream().mapToInt(e -> e.value2()).sum())
                .isEqualTo(db.fetchCount(REGISTRATION, REGISTRATION.ORGANIZATION_ID.eq(organization())));
    }

    @Test
    void noFrameHoldsMoreConfirmedRegistrationsThanItsCapacity() {
        var overbooked = db.select(FRAME.ID, FRAME.CAPACITY, count(REGISTRATION.ID))
                .from(FRAME).join(REGISTRATION).on(REGISTRATION.FRAME_ID.eq(FRAME.ID).and(REGISTRATION.STATUS.eq("CONFIRMED")))
                .where(FRAME.ORGANIZATION_ID.eq(organization()).and(FRAME.CAPACITY.isNotNull()))
                .groupBy(FRAME.ID, FRAME.CAPACITY)
                .having(count(REGISTRATION.ID).gt(FRAME.CAPACITY))
                .fetch();
        assertThat(overbooked).isEmpty();
        assertThat(db.selectDistinct(FRAME.NAME).from(FRAME).fetch(FRAME.NAME)).contains("一般枠", "LT枠", "懇親会枠");
        assertThat(db.fetchCount(REGISTRATION.join(FRAME).on(FRAME.ID.eq(REGISTRATION.FRAME_ID)),
                FRAME.EVENT_ID.ne(REGISTRATION.EVENT_ID))).isZero();
    }

    @Test
    void waitlistPositionsRunFromOneWithoutGapsInEveryFrame() {
        Map<Long, List<Integer>> positions = db.select(REGISTRATION.FRAME_ID, REGISTRATION.WAITLIST_POSITION)
                .from(REGISTRATION)
                .where(REGISTRATION.ORGANIZATION_ID.eq(organization()).and(REGISTRATION.STATUS.eq("WAITLISTED")))
                .orderBy(REGISTRATION.WAITLIST_POSITION)
                .fetchGroups(REGISTRATION.FRAME_ID, REGISTRATION.WAITLIST_POSITION);
        assertThat(positions).isNotEmpty();
        positions.forEach((frame, list) -> assertThat(list).as("frame " + frame)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, list.size()).boxed().toList()));
        assertThat(db.fetchCount(REGISTRATION, REGISTRATION.STATUS.ne("WAITLISTED")
                .and(REGISTRATION.WAITLIST_POSITION.isNotNull()))).isZero();
    }

    @Test
    void lotteriesAreDrawnBeforeTheEventAndOnlyLotteryFramesHaveAppliedOrLostRegistrations() {
        assertThat(db.selectDistinct(REGISTRATION.STATUS).from(REGISTRATION).fetch(REGISTRATION.STATUS))
                .contains("CONFIRMED", "WAITLISTED", "CANCELLED", "LOST")
                .allMatch(s -> Set.of("CONFIRMED", "WAITLISTED", "CANCELLED", "APPLIED", "LOST").contains(s));
        var frames = db.select(FRAME.MODE, FRAME.LOTTERY_AT, EVENT.STARTS_AT).from(FRAME).join(EVENT)
                .on(EVENT.ID.eq(FRAME.EVENT_ID)).where(FRAME.ORGANIZATION_ID.eq(organization())).fetch();
        assertThat(frames).extracting(r -> r.value1()).contains("FIFO", "LOTTERY");
        assertThat(frames).allSatisfy(f -> {
            if ("LOTTERY".equals(f.value1())) {
                assertThat(f.value2()).isBefore(f.value3());
            } else {
                assertThat(f.value1()).isEqualTo("FIFO");
                assertThat(f.value2()).isNull();
            }
        });
        assertThat(db.fetchCount(REGISTRATION.join(FRAME).on(FRAME.ID.eq(REGISTRATION.FRAME_ID)),
                REGISTRATION.STATUS.in("APPLIED", "LOST").and(FRAME.MODE.ne("LOTTERY")))).isZero();
    }

    @Test
    void onlyConfirmedRegistrantsCheckIn() {
        var checkIns = db.select(ATTENDANCE.MEMBER_ID, ATTENDANCE.EVENT_ID, ATTENDANCE.METHOD, REGISTRATION.MEMBER_ID,
                        REGISTRATION.EVENT_ID, REGISTRATION.STATUS, ATTENDANCE.CHECKED_IN_AT, REGISTRATION.REGISTERED_AT)
                .from(ATTENDANCE).leftJoin(REGISTRATION).on(REGISTRATION.ID.eq(ATTENDANCE.REGISTRATION_ID))
                .where(ATTENDANCE.ORGANIZATION_ID.eq(organization())).fetch();
        assertThat(checkIns).isNotEmpty().allSatisfy(a -> {
            assertThat(a.value6()).isEqualTo("CONFIRMED");
            assertThat(a.value4()).isEqualTo(a.value1());
            assertThat(a.value5()).isEqualTo(a.value2());
            assertThat(a.value8()).isBeforeOrEqualTo(a.value7());
            assertThat(a.value7()).isBeforeOrEqualTo(NOW_AT);
        });
        assertThat(checkIns).extracting(a -> a.value3()).contains("QR", "CODE", "STAFF", "IMPORT")
                .allMatch(m -> Set.of("QR", "CODE", "STAFF", "WALK_IN", "IMPORT").contains(m));
    }

    @Test
    void aTenthToAQuarterOfConfirmedPeopleDoNotShowUp() {
        var perEvent = db.select(REGISTRATION.EVENT_ID, count(REGISTRATION.ID), count(ATTENDANCE.ID))
                .from(REGISTRATION).leftJoin(ATTENDANCE).on(ATTENDANCE.REGISTRATION_ID.eq(REGISTRATION.ID))
                .join(EVENT).on(EVENT.ID.eq(REGISTRATION.EVENT_ID))
                .where(REGISTRATION.ORGANIZATION_ID.eq(organization()).and(REGISTRATION.STATUS.eq("CONFIRMED"))
                        .and(EVENT.KIND.in("STUDY_SESSION", "ONLINE", "BIG_EVENT")))
                .groupBy(REGISTRATION.EVENT_ID)
                .having(count(ATTENDANCE.ID).gt(0)).fetch();
        assertThat(perEvent).hasSizeGreaterThan(10);
        List<Double> noShowRates = perEvent.stream()
                .map(r -> (r.value2() - r.value3()) / (double) r.value2()).sorted().toList();
        assertThat(noShowRates.get(noShowRates.size() / 2)).isBetween(0.08, 0.25);
        assertThat(noShowRates).allMatch(rate -> rate < 0.35);
    }

    @Test
    void someEarlyEventsHaveNoCheckInDataAndUpcomingEventsOnlyRegistrations() {
        Set<Long> withCheckIns = new HashSet<>(db.selectDistinct(ATTENDANCE.EVENT_ID).from(ATTENDANCE)
                .fetch(ATTENDANCE.EVENT_ID));
        OffsetDateTime firstStart = facts.pastEvents.get(0).startsAt();
        OffsetDateTime halfway = firstStart.plus(Duration.between(firstStart, NOW_AT).dividedBy(2));
        List<DemoFacts.PastEvent> byRegistration = facts.pastEvents.stream()
                .filter(e -> !withCheckIns.contains(e.id())).toList();
        assertThat(byRegistration).isNotEmpty().allSatisfy(e -> {
            assertThat(e.startsAt()).isBefore(halfway);
            assertThat(e.attendees()).isNotEmpty();
        });
        assertThat(byRegistration.size()).isLessThan(facts.pastEvents.size() / 4);
        var upcoming = db.select(EVENT.ID, count(REGISTRATION.ID)).from(EVENT).leftJoin(REGISTRATION)
                .on(REGISTRATION.EVENT_ID.eq(EVENT.ID))
                .where(EVENT.ORGANIZATION_ID.eq(organization()).and(EVENT.STARTS_AT.gt(NOW_AT)))
                .groupBy(EVENT.ID).fetch();
        assertThat(upcoming).isNotEmpty().allSatisfy(e -> {
            assertThat(e.value2()).isPositive();
            assertThat(withCheckIns).doesNotContain(e.value1());
        });
        assertThat(db.fetchCount(REGISTRATION, REGISTRATION.REGISTERED_AT.gt(NOW_AT))).isZero();
    }

    @Test
    void identitiesAreNormalizedUniqueAndOnExampleDomains() {
        var identities = db.selectFrom(MEMBER_IDENTITY).where(MEMBER_IDENTITY.ORGANIZATION_ID.eq(organization())).fetch();
        assertThat(identities).allSatisfy(i -> {
            String expected = i.getIdentityValue().strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
            assertThat(i.getNormalizedValue()).isEqualTo(expected);
            assertThat(i.getKind()).isIn("EMAIL", "CONNPASS", "X", "BLUESKY", "GITHUB", "FEED");
        });
        assertThat(identities.stream().map(i -> i.getKind() + " " + i.getNormalizedValue()).distinct().count())
                .isEqualTo(identities.size());
        Map<Long, List<String>> emails = identities.stream().filter(i -> "EMAIL".equals(i.getKind()))
                .collect(Collectors.groupingBy(i -> i.getMemberId(),
                        Collectors.mapping(i -> i.getIdentityValue(), Collectors.toList())));
        assertThat(emails).hasSize(SIZE.members()).allSatisfy((member, list) -> {
            assertThat(list).hasSize(1);
            assertThat(list.get(0).toLowerCase(Locale.ROOT)).matches("[a-z0-9._-]+@(corp\\.)?example\\.(com|jp)");
        });
        long withConnpass = identities.stream().filter(i -> "CONNPASS".equals(i.getKind())).count();
        assertThat(withConnpass).isGreaterThan(SIZE.members() * 7L / 10);
        assertThat(identities).extracting(i -> i.getKind()).contains("X", "GITHUB", "BLUESKY", "FEED");

        var registrations = db.select(REGISTRATION.MEMBER_ID, REGISTRATION.EMAIL, REGISTRATION.NAME, MEMBER.DISPLAY_NAME)
                .from(REGISTRATION).join(MEMBER).on(MEMBER.ID.eq(REGISTRATION.MEMBER_ID))
                .where(REGISTRATION.ORGANIZATION_ID.eq(organization())).fetch();
        assertThat(registrations).allSatisfy(r -> {
            assertThat(r.value2()).isEqualTo(emails.get(r.value1()).get(0));
            assertThat(r.value3()).isEqualTo(r.value4());
        });
        assertThat(db.selectDistinct(REGISTRATION.EVENT_ID, REGISTRATION.MEMBER_ID).from(REGISTRATION).fetch())
                .hasSize(registrations.size());
    }

    @Test
    void aFewStaffMembersArePresentAtManyEvents() {
        assertThat(facts.staff).hasSizeBetween(4, SIZE.members() / 20);
        Map<Long, Integer> staffPresence = new HashMap<>();
        db.select(ATTENDANCE.MEMBER_ID).from(ATTENDANCE).where(ATTENDANCE.MEMBER_ID.in(facts.staff))
                .forEach(r -> staffPresence.merge(r.value1(), 1, Integer::sum));
        int busiest = staffPresence.values().stream().max(Integer::compare).orElse(0);
        long eventsWithCheckIns = db.fetchCount(db.selectDistinct(ATTENDANCE.EVENT_ID).from(ATTENDANCE));
        assertThat(busiest).isGreaterThanOrEqualTo((int) (eventsWithCheckIns / 5));
        assertThat(db.fetchCount(db.selectDistinct(ATTENDANCE.EVENT_ID).from(ATTENDANCE)
                .where(ATTENDANCE.MEMBER_ID.in(facts.staff)))).isEqualTo((int) eventsWithCheckIns);
    }

    @Test
    void mostEventsHaveAHealthyShareOfNewcomers() {
        Map<DemoFacts.PastEvent, Double> ratios = facts.newcomerRatios();
        assertThat(ratios).hasSizeGreaterThan(SIZE.events() / 2);
        long healthy = ratios.values().stream().filter(r -> r >= 0.3 && r <= 0.65).count();
        assertThat(healthy).as("events with 30-65%% newcomers out of %d: %s", ratios.size(), ratios.values())
                .isGreaterThanOrEqualTo(ratios.size() * 7L / 10);
    }

    @Test
    void manyComeOnceAndACoreOfRepeatersComesOften() {
        Map<Long, Integer> attended = facts.attendedEvents();
        long participants = attended.size();
        long once = attended.values().stream().filter(n -> n == 1).count();
        long repeaters = participants - once;
        assertThat(participants).isGreaterThan(SIZE.members() / 2);
        assertThat(repeaters / (double) participants).isBetween(0.25, 0.65);
        assertThat(once / (double) participants).isGreaterThan(0.35);
        List<Integer> counts = attended.values().stream().sorted((a, b) -> b - a).toList();
        int top = Math.max(1, counts.size() / 20);
        int byTop = counts.subList(0, top).stream().mapToInt(Integer::intValue).sum();
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        assertThat(byTop / (double) total).as("share of attendances by the keenest 5%").isGreaterThan(0.15);
        assertThat(counts.get(0)).isGreaterThanOrEqualTo(8);
    }

    @Test
    void theDemoAccountsHaveTheFixedPasswordWhichTheLoginPageShowsOnlyOnALocalBaseUrl() {
        StaffAccount admin = accounts.findByEmail(DemoDataGenerator.ADMIN_EMAIL).orElseThrow();
        assertThat(admin.roleIn(organization())).contains(Role.ORGANIZATION_ADMIN);
        assertThat(passwords.matches(DemoDataGenerator.ADMIN_PASSWORD, admin.passwordHash())).isTrue();
        assertThat(accounts.listInOrganization(organization()))
                .filteredOn(a -> a.roleIn(organization()).orElseThrow() == Role.COMMUNITY_LEADER).hasSizeGreaterThanOrEqualTo(2);
        assertThat(hints.orderedStream().flatMap(h -> h.hint(true).stream())).as("the tests' base URL is not local")
                .isEmpty();
    }
}
