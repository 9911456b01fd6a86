package io.firstpin.registration;

import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.FirstpinApplication;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A registration rush against two application instances sharing one database, as in production behind a load
 * balancer: capacity and waitlist order must hold whichever instance takes a request.
 */
@DatabaseTest
class RegistrationRushTests {

    private static final String BOOTSTRAP = "bootstrap-token-for-the-registration-rush";
    private static final int SEATS = 150;
    private static final int APPLICANTS = 600;
    private static final int THREADS = 64;
    private static final int CANCELLATIONS = 30;

    private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        Map<String, Object> database = TestDatabase.current().newDatabase();
        for (int i = 0; i < 2; i++) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--firstpin.bootstrap-token=" + BOOTSTRAP,
                    "--spring.datasource.hikari.maximum-pool-size=20"));
            database.forEach((key, value) -> args.add("--" + key + "=" + value));
            INSTANCES.add(new SpringApplicationBuilder(FirstpinApplication.class).run(args.toArray(String[]::new)));
        }
    }

    @AfterAll
    static void stopInstances() {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
        INSTANCES.clear();
    }

    private static ApiClient client(int instance, String token) {
        int port = ((WebServerApplicationContext) INSTANCES.get(instance)).getWebServer().getPort();
        return new ApiClient(port, token);
    }

    @Test
    void sixHundredApplicantsForOneHundredFiftySeatsEndConfirmedOrWaitlistedInOrderAndCancellationsPromoteTheFirst()
            throws Exception {
        ApiClient admin = client(0, BOOTSTRAP).foundOrganization("rush");
        admin.post("/api/v1/organizations/rush/communities", json("slug", "rush-c", "name", "Rush"));
        long eventId = admin.post("/api/v1/communities/rush-c/events", json("title", "人気の勉強会",
                "startsAt", "2030-06-01T19:00:00+09:00", "online", true,
                "frames", List.of(Map.of("name", "一般枠", "capacity", SEATS)))).json().path("id").asLong();

        List<JsonNode> answers = concurrently(IntStream.range(0, APPLICANTS).<Callable<JsonNode>>mapToObj(i -> () -> {
            ApiClient.Answer answer = client(i % 2, null).post("/api/v1/events/" + eventId + "/registrations",
                    json("name", "参加者 " + i, "email", "applicant" + i + "@example.com", "frame", "一般枠"));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            return answer.json();
        }).toList());

        assertThat(answers.stream().filter(a -> a.path("status").asString().equals("confirmed"))).hasSize(SEATS);
        assertThat(answers.stream().filter(a -> a.path("status").asString().equals("waitlisted"))
                .map(a -> a.path("waitlistPosition").asInt()).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, APPLICANTS - SEATS).boxed().toList());
        List<JsonNode> listed = list(admin, eventId);
        List<JsonNode> confirmed = withStatus(listed, "confirmed");
        List<JsonNode> waitlisted = withStatus(listed, "waitlisted");
        assertThat(confirmed).hasSize(SEATS);
        assertThat(positions(waitlisted)).isEqualTo(IntStream.rangeClosed(1, APPLICANTS - SEATS).boxed().toList());
        assertDecidedInOneOrder(confirmed, waitlisted);

        List<JsonNode> toCancel = answers.stream().filter(a -> a.path("status").asString().equals("confirmed"))
                .limit(CANCELLATIONS).toList();
        concurrently(IntStream.range(0, CANCELLATIONS).<Callable<JsonNode>>mapToObj(i -> () -> {
            JsonNode registration = toCancel.get(i);
            ApiClient.Answer answer = client(i % 2, null)
                    .withHeader("X-Manage-Token", registration.path("manageToken").asString())
                    .delete("/api/v1/registrations/" + registration.path("id").asLong());
            assertThat(answer.status()).isEqualTo(204);
            return registration;
        }).toList());

        List<JsonNode> after = list(admin, eventId);
        List<Long> firstThirtyWaiting = waitlisted.stream()
                .sorted(Comparator.comparingInt(w -> w.path("waitlistPosition").asInt()))
                .limit(CANCELLATIONS).map(w -> w.path("id").asLong()).toList();
        assertThat(withStatus(after, "confirmed")).hasSize(SEATS)
                .extracting(r -> r.path("id").asLong()).containsAll(firstThirtyWaiting);
        assertThat(withStatus(after, "cancelled")).hasSize(CANCELLATIONS);
        assertThat(positions(withStatus(after, "waitlisted")))
                .isEqualTo(IntStream.rangeClosed(1, APPLICANTS - SEATS - CANCELLATIONS).boxed().toList());
        assertThat(admin.get("/api/v1/events/" + eventId).json().path("frames").get(0).path("confirmed").asInt())
                .isEqualTo(SEATS);

        // the attendees kept for the KPIs followed every decision, whichever instance made it
        JsonNode kpis = admin.get("/api/v1/communities/rush-c/kpis?from=2030-06-01&to=2030-06-01").json();
        assertThat(kpis.path("uniqueParticipants").asInt()).isEqualTo(SEATS);
        assertThat(kpis.path("perEvent").get(0).path("attendees").asInt()).isEqualTo(SEATS);
        assertThat(kpis.path("perEvent").get(0).path("newcomers").asInt()).isEqualTo(SEATS);
    }

    @Test
    void registrationsForTwoFramesOfOneEventOnTwoInstancesTakeReceptionNumbersOneToNWithoutTwinsOrGaps()
            throws Exception {
        ApiClient admin = client(0, BOOTSTRAP).foundOrganization("numbers");
        admin.post("/api/v1/organizations/numbers/communities", json("slug", "numbers-c", "name", "Numbers"));
        long eventId = admin.post("/api/v1/communities/numbers-c/events", json("title", "受付番号の勉強会",
                "startsAt", "2030-06-01T19:00:00+09:00", "online", true,
                "frames", List.of(Map.of("name", "一般枠", "capacity", 50), Map.of("name", "LT枠", "capacity", 5))))
                .json().path("id").asLong();
        int applicants = 240;

        concurrently(IntStream.range(0, applicants).<Callable<Integer>>mapToObj(i -> () -> {
            ApiClient.Answer answer = client(i % 2, null).post("/api/v1/events/" + eventId + "/registrations",
                    json("name", "参加者 " + i, "email", "numbered" + i + "@example.com",
                            "frame", i % 3 == 0 ? "LT枠" : "一般枠"));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            return answer.status();
        }).toList());

        assertThat(list(admin, eventId).stream().map(r -> r.path("receptionNumber").asInt()).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, applicants).boxed().toList());
    }

    @Test
    void aFrameShrunkByStaffDuringTheRushNeverEndsWithMoreConfirmedThanSeats() throws Exception {
        ApiClient admin = client(0, BOOTSTRAP).foundOrganization("shrink");
        admin.post("/api/v1/organizations/shrink/communities", json("slug", "shrink-c", "name", "Shrink"));
        JsonNode event = admin.post("/api/v1/communities/shrink-c/events", json("title", "席を減らす勉強会",
                "startsAt", "2030-06-01T19:00:00+09:00", "online", true,
                "frames", List.of(Map.of("name", "一般枠", "capacity", 120)))).json();
        long eventId = event.path("id").asLong();
        long frameId = event.path("frames").get(0).path("id").asLong();

        concurrently(IntStream.range(0, 240).<Callable<Integer>>mapToObj(i -> () -> {
            if (i % 8 == 0) {
                int capacity = 120 - i / 4;
                return client(i % 2, admin.token()).patch("/api/v1/frames/" + frameId,
                        json("capacity", capacity)).status();
            }
            return client(i % 2, null).post("/api/v1/events/" + eventId + "/registrations",
                    json("name", "参加者 " + i, "email", "shrink" + i + "@example.com", "frame", "一般枠")).status();
        }).toList());

        JsonNode frame = admin.get("/api/v1/events/" + eventId).json().path("frames").get(0);
        List<JsonNode> listed = list(admin, eventId);
        assertThat(withStatus(listed, "confirmed").size()).isLessThanOrEqualTo(frame.path("capacity").asInt())
                .isEqualTo(frame.path("confirmed").asInt());
        assertThat(positions(withStatus(listed, "waitlisted"))).isEqualTo(
                IntStream.rangeClosed(1, withStatus(listed, "waitlisted").size()).boxed().toList());
    }

    /**
     * Sixty people register for the study session and, once seated, for its after-party at the same moment, while
     * some of the first seated cancel the study session: neither frame is overbooked, and no after-party registration
     * outlives its study-session seat.
     */
    @Test
    void sixtyPeopleRushingTheStudySessionAndItsAfterPartyOverbookNeither() throws Exception {
        ApiClient admin = client(0, BOOTSTRAP).foundOrganization("party-rush");
        admin.post("/api/v1/organizations/party-rush/communities", json("slug", "party-rush-c", "name", "Party"));
        long sessionId = admin.post("/api/v1/communities/party-rush-c/events", json("title", "勉強会",
                "startsAt", "2030-06-01T19:00:00+09:00",
                "frames", List.of(Map.of("name", "一般枠", "capacity", 40)))).json().path("id").asLong();
        long partyId = admin.post("/api/v1/communities/party-rush-c/events", json("title", "懇親会",
                "startsAt", "2030-06-01T21:15:00+09:00", "kind", "after_party", "parentEvent", sessionId,
                "frames", List.of(Map.of("name", "懇親会枠", "capacity", 20)))).json().path("id").asLong();

        concurrently(IntStream.range(0, 60).<Callable<Integer>>mapToObj(i -> () -> {
            ApiClient person = client(i % 2, null);
            JsonNode seat = person.post("/api/v1/events/" + sessionId + "/registrations",
                    json("name", "参加者 " + i, "email", "party" + i + "@example.com")).json();
            if (!seat.path("status").asString().equals("confirmed")) {
                return 0;
            }
            int party = person.post("/api/v1/events/" + partyId + "/registrations",
                    json("name", "参加者 " + i, "email", "party" + i + "@example.com")).status();
            if (i % 6 == 0) {
                person.withHeader("X-Manage-Token", seat.path("manageToken").asString())
                        .delete("/api/v1/registrations/" + seat.path("id").asLong());
            }
            return party;
        }).toList());

        List<JsonNode> session = list(admin, sessionId);
        List<JsonNode> party = list(admin, partyId);
        Set<String> seated = withStatus(session, "confirmed").stream().map(r -> r.path("email").asString())
                .collect(Collectors.toSet());
        assertThat(seated).hasSizeLessThanOrEqualTo(40);
        assertThat(withStatus(party, "confirmed")).hasSize(20);
        assertThat(party).filteredOn(r -> !r.path("status").asString().equals("cancelled"))
                .allSatisfy(r -> assertThat(seated).contains(r.path("email").asString()));
        assertThat(positions(withStatus(party, "waitlisted")))
                .isEqualTo(IntStream.rangeClosed(1, withStatus(party, "waitlisted").size()).boxed().toList());
        JsonNode frames = admin.get("/api/v1/events/" + partyId).json().path("frames");
        assertThat(frames.get(0).path("confirmed").asInt()).isEqualTo(20);
    }

    /**
     * Registrations are written while the frame is locked, so ids follow the order in which they were decided: every
     * confirmed registration precedes every waitlisted one, and the waitlist follows that order too.
     */
    private static void assertDecidedInOneOrder(List<JsonNode> confirmed, List<JsonNode> waitlisted) {
        long lastConfirmed = confirmed.stream().mapToLong(r -> r.path("id").asLong()).max().orElseThrow();
        long firstWaiting = waitlisted.stream().mapToLong(r -> r.path("id").asLong()).min().orElseThrow();
        assertThat(lastConfirmed).isLessThan(firstWaiting);
        List<Long> byPosition = waitlisted.stream()
                .sorted(Comparator.comparingInt(w -> w.path("waitlistPosition").asInt()))
                .map(w -> w.path("id").asLong()).toList();
        assertThat(byPosition).isSorted();
    }

    private static List<JsonNode> list(ApiClient admin, long eventId) {
        List<JsonNode> all = new ArrayList<>();
        admin.get("/api/v1/events/" + eventId + "/registrations").json().forEach(all::add);
        return all;
    }

    private static List<JsonNode> withStatus(List<JsonNode> registrations, String status) {
        return registrations.stream().filter(r -> r.path("status").asString().equals(status)).toList();
    }

    private static List<Integer> positions(List<JsonNode> waitlisted) {
        return waitlisted.stream().map(w -> w.path("waitlistPosition").asInt()).sorted().toList();
    }

    private static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return Collections.unmodifiableList(results);
        } finally {
            pool.shutdownNow();
        }
    }
}
