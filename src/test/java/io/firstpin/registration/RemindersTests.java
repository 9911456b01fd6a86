package io.firstpin.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DatabaseTest
@SpringBootTest(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms",
        "firstpin.reminders.poll-interval=1h"})
@Import(MovableClock.Config.class)
@DirtiesContext
class RemindersTests {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final Pattern LINK = Pattern.compile("http://firstpin\\.test/r/(r_[A-Za-z0-9_-]+)/(cant-come|reconfirm)");

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    RegistrantActions registrant;
    @Autowired
    Reminders reminders;
    @Autowired
    MovableClock clock;

    private Organization organization;

    /** An event three days and a bit from now, with {@code seats} seats in its one frame. */
    private Event meetupInFourDaysWith(int seats) {
        String slug = "remind-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "Org");
        var community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 札幌", null, null, "Asia/Tokyo"), null);
        return events.plan(community, new EventDetails("札幌勉強会 #12", null, EventKind.STUDY_SESSION,
                clock.instant().plus(Duration.ofDays(4)), null, null, true, "https://meet.example.com/x",
                Optional.empty()), List.of(), List.of(new FramePlan(null, "一般枠", seats, FrameMode.FIFO, null)),
                "一般枠");
    }

    private Registered register(Event event, String name) {
        return registrations.register(event.id(), "一般枠",
                new Applicant(name, name + "@example.com", Locale.ENGLISH));
    }

    private void moveTo(Event event, Duration beforeStart) {
        clock.set(event.startsAt().minus(beforeStart));
    }

    private static List<ReceivedEmail> mailsTo(String name, int count) {
        String address = name + "@example.com";
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSmtp.receivedBy(smtp, address).size() >= count);
        return TestSmtp.receivedBy(smtp, address);
    }

    private static ReceivedEmail mailTo(String name, String subjectStart) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSmtp.receivedBy(smtp, name + "@example.com").stream()
                .anyMatch(mail -> mail.subject().startsWith(subjectStart)));
        return TestSmtp.receivedBy(smtp, name + "@example.com").stream()
                .filter(mail -> mail.subject().startsWith(subjectStart)).findFirst().orElseThrow();
    }

    private static String tokenIn(ReceivedEmail mail, String action) {
        Matcher link = LINK.matcher(mail.text());
        while (link.find()) {
            if (link.group(2).equals(action)) {
                return link.group(1);
            }
        }
        throw new AssertionError("no " + action + " link in " + mail.text());
    }

    private Registration current(Registered registered) {
        return registrations.find(registered.registration().id()).orElseThrow();
    }

    @Test
    void confirmedRegistrantsAreRemindedOnceTheDayBeforeAndTheWaitlistedAreNot() {
        Event event = meetupInFourDaysWith(1);
        register(event, "seated-a");
        register(event, "waiting-a");
        mailsTo("waiting-a", 1);

        moveTo(event, Duration.ofHours(25));
        reminders.runDue();
        moveTo(event, Duration.ofHours(23));
        reminders.runDue();
        reminders.runDue();

        assertThat(mailTo("seated-a", "Tomorrow: ").text()).contains("札幌勉強会 #12").contains("/cant-come");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                TestSmtp.receivedBy(smtp, "seated-a@example.com").size() == 2
                        && TestSmtp.receivedBy(smtp, "waiting-a@example.com").size() == 1);
        assertThat(reminders.schedule(organization.id(), event.id()).reminder().recipients()).isEqualTo(1);
    }

    @Test
    void theReminderLinkFreesTheSeatForTheFirstOneWaiting() {
        Event event = meetupInFourDaysWith(1);
        Registered seated = register(event, "seated-b");
        Registered waiting = register(event, "waiting-b");
        moveTo(event, Duration.ofHours(20));
        reminders.runDue();

        String link = tokenIn(mailTo("seated-b", "Tomorrow: "), "cant-come");
        Registration viaLink = registrations.byToken(link).orElseThrow();
        registrant.cancelWithToken(viaLink.id(), link);

        assertThat(current(seated).status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(current(seated).cancelReason()).isEqualTo(CancelReason.REGISTRANT);
        assertThat(current(waiting).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(mailTo("waiting-b", "A seat is yours").text()).contains("http://firstpin.test/r/r_");
    }

    @Test
    void silenceAfterAReconfirmationRequestReleasesTheSeatToTheWaitlist() {
        Event event = meetupInFourDaysWith(2);
        Registered answers = register(event, "answers-c");
        Registered silent = register(event, "silent-c");
        Registered waiting = register(event, "waiting-c");
        reminders.requireReconfirmation(organization.id(), event.id(), true);

        moveTo(event, Duration.ofHours(71));
        reminders.runDue();
        String link = tokenIn(mailTo("answers-c", "Please confirm you are coming"), "reconfirm");
        registrant.reconfirmWithToken(link);
        assertThat(mailsTo("silent-c", 2)).extracting(ReceivedEmail::subject)
                .contains("Please confirm you are coming: 札幌勉強会 #12");
        assertThat(TestSmtp.receivedBy(smtp, "waiting-c@example.com")).hasSize(1);

        moveTo(event, Duration.ofHours(29));
        reminders.runDue();

        assertThat(current(answers).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(current(silent).status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(current(silent).cancelReason()).isEqualTo(CancelReason.NO_RECONFIRMATION);
        assertThat(current(waiting).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        mailTo("silent-c", "Your seat was released");
        mailTo("waiting-c", "A seat is yours");
        Reminders.Schedule schedule = reminders.schedule(organization.id(), event.id());
        assertThat(schedule.reconfirmRequest().recipients()).isEqualTo(2);
        assertThat(schedule.reconfirmed()).isEqualTo(1);
        assertThat(schedule.released()).isEqualTo(1);
        assertThat(schedule.awaiting()).isZero();

        moveTo(event, Duration.ofHours(23));
        reminders.runDue();
        mailTo("waiting-c", "Tomorrow: ");
        mailTo("answers-c", "Tomorrow: ");
    }

    @Test
    void whoRegistersAfterTheRequestIsNotAskedAndKeepsTheSeat() {
        Event event = meetupInFourDaysWith(5);
        reminders.requireReconfirmation(organization.id(), event.id(), true);
        moveTo(event, Duration.ofHours(60));
        reminders.runDue();
        Registered late = register(event, "late-d");

        moveTo(event, Duration.ofHours(29));
        reminders.runDue();

        assertThat(current(late).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(current(late).awaitsReconfirmation()).isFalse();
    }

    @Test
    void withoutReconfirmationNobodyIsAskedOrReleased() {
        Event event = meetupInFourDaysWith(5);
        Registered seated = register(event, "seated-e");

        moveTo(event, Duration.ofHours(71));
        reminders.runDue();
        moveTo(event, Duration.ofHours(29));
        reminders.runDue();

        assertThat(current(seated).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(reminders.schedule(organization.id(), event.id()).reconfirmRequest()).isNull();
    }

    @Test
    void roundsRunConcurrentlySendEachReminderOnce() throws Exception {
        Event event = meetupInFourDaysWith(30);
        for (int i = 0; i < 12; i++) {
            register(event, "crowd-f" + i);
        }
        moveTo(event, Duration.ofHours(12));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Void>> passes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            passes.add(() -> {
                reminders.runDue();
                return null;
            });
        }
        for (Future<Void> pass : pool.invokeAll(passes)) {
            pass.get();
        }
        pool.shutdown();

        for (int i = 0; i < 12; i++) {
            mailTo("crowd-f" + i, "Tomorrow: ");
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                TestSmtp.receivedBy(smtp, "crowd-f0@example.com").size() == 2);
        assertThat(reminders.schedule(organization.id(), event.id()).reminder().recipients()).isEqualTo(12);
    }
}
