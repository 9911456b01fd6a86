package io.firstpin.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The shuffle of a lottery draw as a pure function. Seeds come from a fixed-seed generator standing in for
 * SecureRandom, so the statistical checks give the same answer on every run.
 */
class LotteryTests {

    private static List<Long> ids(long fromInclusive, long toInclusive) {
        return LongStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
    }

    @Test
    void theSameSeedAndApplicantsGiveTheSameOrderWhateverOrderTheApplicantsAreListedIn() {
        List<Long> applicants = ids(1, 50);
        List<Long> reversed = new ArrayList<>(applicants);
        Collections.reverse(reversed);

        List<Long> first = Lottery.shuffle(42L, applicants);

        assertThat(Lottery.shuffle(42L, applicants)).isEqualTo(first);
        assertThat(Lottery.shuffle(42L, reversed)).isEqualTo(first);
        assertThat(first).containsExactlyInAnyOrderElementsOf(applicants).isNotEqualTo(applicants);
        assertThat(Lottery.shuffle(43L, applicants)).isNotEqualTo(first);
    }

    /**
     * The expected orders were computed outside Java, by a few lines of Python following the Java SE specification of
     * java.util.Random and the steps documented on {@link Lottery}: an auditor needs nothing but that documentation.
     */
    @Test
    void theOrderIsTheOneAnIndependentImplementationOfTheDocumentedStepsGives() {
        assertThat(Lottery.shuffle(20161124L, List.of(110L, 101L, 105L, 102L, 109L, 103L, 108L, 104L, 107L, 106L)))
                .containsExactly(106L, 101L, 107L, 110L, 109L, 102L, 103L, 108L, 104L, 105L);
        assertThat(Lottery.shuffle(-4962768465676381896L, ids(1, 12)))
                .containsExactly(10L, 9L, 5L, 8L, 6L, 7L, 12L, 11L, 4L, 3L, 2L, 1L);
    }

    @Test
    void noApplicantsOrOneApplicantNeedNoShuffle() {
        assertThat(Lottery.shuffle(7L, List.of())).isEmpty();
        assertThat(Lottery.shuffle(7L, List.of(99L))).containsExactly(99L);
    }

    @Test
    void anApplicantTakesPartOnlyOnce() {
        assertThatThrownBy(() -> Lottery.shuffle(1L, List.of(1L, 2L, 2L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDrawNeverConfirmsMoreThanTheSeatsAndConfirmsEveryoneWhenUnlimited() {
        assertThat(Lottery.winners(10, 3)).isEqualTo(3);
        assertThat(Lottery.winners(2, 3)).isEqualTo(2);
        assertThat(Lottery.winners(10, 0)).isZero();
        assertThat(Lottery.winners(10, null)).isEqualTo(10);

        LotteryDraw draw = LotteryDraw.draw(1, 2, 99L, ids(1, 10), 3, Instant.EPOCH);

        assertThat(draw.winnerIds()).hasSize(3);
        assertThat(draw.waitlistIds()).hasSize(7);
        assertThat(draw.drawOrder()).startsWith(draw.winnerIds().toArray(Long[]::new))
                .endsWith(draw.waitlistIds().toArray(Long[]::new));
        assertThat(draw.applicantIds()).isEqualTo(ids(1, 10));
        assertThat(draw.algorithm()).isEqualTo(Lottery.ALGORITHM);
    }

    @Test
    void aRecordedDrawIsReproducibleFromItsSeedAndATamperedOneIsNot() {
        LotteryDraw draw = LotteryDraw.draw(1, 2, 123456789L, ids(1, 20), 5, Instant.EPOCH);
        List<Long> swapped = new ArrayList<>(draw.drawOrder());
        Collections.swap(swapped, 0, 19);
        LotteryDraw tampered = new LotteryDraw(draw.id(), 1, 2, draw.seed(), draw.algorithm(), draw.drawnAt(),
                List.of(), List.of(), draw.applicantIds(), swapped, draw.winners());

        assertThat(draw.reproducible()).isTrue();
        assertThat(tampered.reproducible()).isFalse();
    }

    @Test
    void nomineesTakeSeatsFirstInNominationOrderAndTheOthersAreDrawnForTheRest() {
        List<Nomination> nominations = List.of(new Nomination(7, "account 1", Instant.EPOCH),
                new Nomination(3, "token 2", Instant.EPOCH));

        LotteryDraw draw = LotteryDraw.draw(1, 2, 42L, nominations, ids(1, 10), 4, Instant.EPOCH);

        assertThat(draw.nomineeIds()).containsExactly(7L, 3L);
        assertThat(draw.nominatedBy()).containsExactly("account 1", "token 2");
        assertThat(draw.applicantIds()).isEqualTo(List.of(1L, 2L, 4L, 5L, 6L, 8L, 9L, 10L));
        assertThat(draw.drawOrder()).startsWith(7L, 3L);
        assertThat(draw.drawOrder().subList(2, 10)).isEqualTo(Lottery.shuffle(42L, draw.applicantIds()));
        assertThat(draw.winnerIds()).hasSize(4).startsWith(7L, 3L);
        assertThat(draw.applicants()).isEqualTo(10);
        assertThat(draw.reproducible()).isTrue();
        assertThat(LotteryDraw.draw(1, 2, 42L, nominations, ids(1, 10), 4, Instant.EPOCH).drawOrder())
                .isEqualTo(draw.drawOrder());
    }

    @Test
    void moreNomineesThanSeatsWaitInNominationOrderAheadOfTheDrawn() {
        List<Nomination> nominations = List.of(new Nomination(5, "account 1", Instant.EPOCH),
                new Nomination(2, "account 1", Instant.EPOCH), new Nomination(9, "account 1", Instant.EPOCH));

        LotteryDraw draw = LotteryDraw.draw(1, 2, 42L, nominations, ids(1, 10), 2, Instant.EPOCH);

        assertThat(draw.winnerIds()).containsExactly(5L, 2L);
        assertThat(draw.waitlistIds().get(0)).isEqualTo(9L);
        assertThat(draw.waitlistIds()).hasSize(8);
    }

    @Test
    void aDrawWhoseNomineesWereChangedAfterwardsIsNotReproducible() {
        LotteryDraw draw = LotteryDraw.draw(1, 2, 42L, List.of(new Nomination(3, "account 1", Instant.EPOCH)),
                ids(1, 6), 2, Instant.EPOCH);
        LotteryDraw tampered = new LotteryDraw(null, 1, 2, 42L, draw.algorithm(), draw.drawnAt(), List.of(4L),
                List.of("account 1"), draw.applicantIds(), draw.drawOrder(), draw.winners());

        assertThat(tampered.reproducible()).isFalse();
    }

    @Test
    void everyApplicantCanWinTheOnlySeat() {
        SplittableRandom seeds = new SplittableRandom(2024);
        List<Long> applicants = ids(1, 10);
        int[] wins = new int[10];

        for (int draw = 0; draw < 1000; draw++) {
            wins[(int) (long) Lottery.shuffle(seeds.nextLong(), applicants).get(0) - 1]++;
        }

        assertThat(wins).doesNotContain(0);
    }

    /**
     * 30,000 draws of 3 seats among 10 applicants: each should win about 9,000 times. With 9 degrees of freedom the
     * chi-square statistic exceeds 40 with probability below 0.00001, so a fair draw stays far under that bound.
     */
    @Test
    void winsAreSpreadEvenlyOverTheApplicants() {
        SplittableRandom seeds = new SplittableRandom(1124);
        List<Long> applicants = ids(1, 10);
        int draws = 30_000;
        long[] wins = new long[10];

        for (int i = 0; i < draws; i++) {
            for (long winner : Lottery.shuffle(seeds.nextLong(), applicants).subList(0, 3)) {
                wins[(int) winner - 1]++;
            }
        }

        assertThat(chiSquare(wins, draws * 3.0 / 10)).isLessThan(40);
    }

    /**
     * Every applicant is as likely to land at every place of the drawn order, which is what makes waitlist places
     * fair too: 5 applicants × 5 places, 25,000 draws, 1,000 expected per cell; 16 degrees of freedom, and 60 is far
     * beyond the 0.00001 tail.
     */
    @Test
    void everyPlaceOfTheDrawnOrderIsEquallyLikelyForEveryApplicant() {
        SplittableRandom seeds = new SplittableRandom(80);
        List<Long> applicants = ids(1, 5);
        int draws = 25_000;
        long[] placed = new long[25];

        for (int i = 0; i < draws; i++) {
            List<Long> order = Lottery.shuffle(seeds.nextLong(), applicants);
            for (int place = 0; place < order.size(); place++) {
                placed[(int) (order.get(place) - 1) * 5 + place]++;
            }
        }

        assertThat(chiSquare(placed, draws / 5.0)).isLessThan(60);
    }

    private static double chiSquare(long[] observed, double expected) {
        double sum = 0;
        for (long o : observed) {
            sum += (o - expected) * (o - expected) / expected;
        }
        return sum;
    }
}
