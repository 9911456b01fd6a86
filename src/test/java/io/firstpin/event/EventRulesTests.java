package io.firstpin.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.geo.Prefecture;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventRulesTests {

    private static final Instant SEVEN_PM = Instant.parse("2026-11-24T10:00:00Z");

    private static Venue tokyoVenue() {
        return new Venue("目黒セントラルスクエア", null, Prefecture.TOKYO, "品川区");
    }

    private static EventDetails studySessionAt(Venue venue, boolean online) {
        return new EventDetails("JAWS-UG", null, EventKind.STUDY_SESSION, SEVEN_PM, null, venue, online, null,
                Optional.empty());
    }

    /** An event as it is once stored: it has an id, so frames can be opened on it. */
    private static Event storedStudySession() {
        Event planned = Event.plan(1, 1, studySessionAt(tokyoVenue(), false), List.of(), SEVEN_PM);
        return new Event(7L, 1, 1, planned.title(), null, planned.kind(), planned.startsAt(), planned.endsAt(), false,
                null, "Hall", null, Prefecture.TOKYO.code(), "品川区", null, null, SEVEN_PM, null, null, null, null,
                null, List.of());
    }

    private static String fieldOf(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e.problems().get(0).field();
        }
        throw new AssertionError("no InvalidInputException");
    }

    @Test
    void anEventTakesPlaceAtAVenueOnlineOrBothOrItsPlaceIsStillToBeDecided() {
        assertThat(studySessionAt(tokyoVenue(), false).venue()).isNotNull();
        assertThat(studySessionAt(null, true).online()).isTrue();
        assertThat(studySessionAt(tokyoVenue(), true).online()).isTrue();
        assertThat(studySessionAt(null, false).placeUndecided()).isTrue();
        assertThat(Event.plan(1, 1, studySessionAt(null, false), List.of(), SEVEN_PM).placeUndecided()).isTrue();
    }

    @Test
    void anEventEndsAfterItStartsAndWithoutAnEndLastsTwoHours() {
        assertThat(fieldOf(() -> new EventDetails("x", null, null, SEVEN_PM, SEVEN_PM.minusSeconds(60), null, true, null,
                Optional.empty()))).isEqualTo("endsAt");

        Event event = Event.plan(1, 1, studySessionAt(tokyoVenue(), false), List.of(), SEVEN_PM);

        assertThat(event.endsAt()).isEqualTo(SEVEN_PM.plusSeconds(2 * 3600));
        assertThat(event.prefecture()).contains(Prefecture.TOKYO);
    }

    @Test
    void registrationIsOpenUntilTheEventEndsUnlessScheduledOtherwise() {
        Event event = Event.plan(1, 1, studySessionAt(tokyoVenue(), false), List.of(), SEVEN_PM);

        assertThat(event.registrationOpen(SEVEN_PM.minusSeconds(86400))).isTrue();
        assertThat(event.registrationOpen(SEVEN_PM.plusSeconds(3600))).isTrue();
        assertThat(event.registrationOpen(event.endsAt())).isFalse();

        event.scheduleRegistration(SEVEN_PM.minusSeconds(7 * 86400), SEVEN_PM.minusSeconds(3600));
        assertThat(event.registrationOpen(SEVEN_PM.minusSeconds(8 * 86400))).isFalse();
        assertThat(event.registrationOpen(SEVEN_PM.minusSeconds(2 * 3600))).isTrue();
        assertThat(event.registrationOpen(SEVEN_PM)).isFalse();
        assertThat(fieldOf(() -> event.scheduleRegistration(SEVEN_PM, SEVEN_PM.minusSeconds(60))))
                .isEqualTo("registrationClosesAt");
    }

    @Test
    void aVenueNeedsItsPrefecture() {
        assertThat(fieldOf(() -> new Venue("Hall", null, null, "Shibuya"))).isEqualTo("venue.prefecture");
    }

    @Test
    void aLotteryFrameIsDrawnBeforeTheEventStarts() {
        Event event = storedStudySession();

        assertThat(fieldOf(() -> Frame.open(event, new FramePlan(null, "懇親会枠", 30, FrameMode.LOTTERY, null), 0)))
                .isEqualTo("lotteryAt");
        assertThat(fieldOf(() -> Frame.open(event, new FramePlan(null, "懇親会枠", 30, FrameMode.LOTTERY, SEVEN_PM), 0)))
                .isEqualTo("lotteryAt");
        Frame lottery = Frame.open(event, new FramePlan(null, "懇親会枠", 30, FrameMode.LOTTERY, SEVEN_PM.minusSeconds(86400)), 0);
        assertThat(lottery.lotteryAt()).isEqualTo(SEVEN_PM.minusSeconds(86400));
    }

    @Test
    void aFrameHoldsAtLeastOneSeatOrIsUnlimited() {
        assertThat(fieldOf(() -> new FramePlan(null, "一般枠", 0, FrameMode.FIFO, null))).isEqualTo("capacity");
        Event event = storedStudySession();
        Frame limited = Frame.open(event, new FramePlan(null, "一般枠", 50, null, null), 0);
        Frame unlimited = Frame.open(event, FramePlan.general("一般枠"), 0);

        assertThat(limited.mode()).isEqualTo(FrameMode.FIFO);
        assertThat(limited.seatsLeft(48)).hasValue(2);
        assertThat(limited.seatsLeft(55)).hasValue(0);
        assertThat(unlimited.seatsLeft(1000)).isEmpty();
    }

    @Test
    void sessionsGetTheMethodsDefaultLengths() {
        assertThat(Session.of(SessionKind.LIGHTNING_TALK, "LT", null, List.of(), List.of()).durationMinutes()).isEqualTo(5);
        assertThat(Session.of(SessionKind.CASE_STUDY, "事例", null, List.of(), List.of()).durationMinutes()).isEqualTo(20);
        assertThat(Session.of(SessionKind.KEYNOTE, "基調", 60, List.of(), List.of()).durationMinutes()).isEqualTo(60);
        assertThat(SessionKind.parse("kind", "lt")).isEqualTo(SessionKind.LIGHTNING_TALK);
    }

    @Test
    void materialsAreWebLinksOnlyAndTheirKindIsGuessed() {
        assertThat(Material.link("https://speakerdeck.com/a/b", null).kind()).isEqualTo(MaterialKind.SLIDES);
        assertThat(Material.link("https://youtu.be/abc", "録画").kind()).isEqualTo(MaterialKind.VIDEO);
        assertThatThrownBy(() -> Material.link("javascript:alert(1)", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Material.link("not a url", null)).isInstanceOf(InvalidInputException.class);
    }
}
