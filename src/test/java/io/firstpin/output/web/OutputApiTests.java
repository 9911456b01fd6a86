package io.firstpin.output.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.testing.ApiClient;
import io.firstpin.organization.Organizations;
import io.firstpin.output.ReportReviews;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DatabaseTest
@Import(MovableClock.Config.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firstpin.bootstrap-token=" + BOOTSTRAP, "firstpin.outputs.nudge-enabled=false"})
class OutputApiTests {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;
    @Autowired
    ReportReviews reviews;
    @Autowired
    Organizations organizations;

    ApiClient instanceAdmin;

    /** Half an hour into the study session {@link #meetup} plans: registration is still open, reports are taken. */
    @BeforeEach
    void connect() {
        clock.set(Instant.parse("2030-06-01T10:30:00Z"));
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
    }

    /** An organization with a community and a study session under way, with the hashtag #firstpinug. */
    private Meetup meetup(String org) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-c", "name", "Firstpin UG"));
        long eventId = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "Firstpin UG #12",
                "startsAt", "2030-06-01T19:00:00+09:00", "online", true, "hashtag", "#firstpinug")).json().path("id").asLong();
        return new Meetup(admin, eventId);
    }

    private record Meetup(ApiClient admin, long eventId) {

        String outputs() {
            return "/api/v1/events/" + eventId + "/outputs";
        }

        JsonNode register(String name, String email) {
            return admin.anonymous().post("/api/v1/events/" + eventId + "/registrations",
                    json("name", name, "email", email, "frame", null)).json();
        }

        List<JsonNode> listed() {
            JsonNode list = admin.get(outputs()).json();
            return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
        }
    }

    @Test
    void staffAddAnOutputAndItIsListedWithHowItWasLinked() {
        Meetup meetup = meetup("out-staff");

        ApiClient.Answer added = meetup.admin().post(meetup.outputs(), json("url",
                "https://Taro-Dev.hatenablog.com/entry/2030/06/02/report/?utm_source=x", "type", "blog",
                "title", "Firstpin UG #12 に参加しました"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.text("url")).isEqualTo("https://taro-dev.hatenablog.com/entry/2030/06/02/report");
        assertThat(added.text("linkedBy")).isEqualTo("manual");
        assertThat(meetup.listed()).singleElement().satisfies(output -> {
            assertThat(output.path("id").asLong()).isEqualTo(added.json().path("id").asLong());
            assertThat(output.path("type").asString()).isEqualTo("blog");
            assertThat(output.path("title").asString()).isEqualTo("Firstpin UG #12 に参加しました");
            assertThat(output.path("author").isNull()).isTrue();
            assertThat(output.has("publishedAt")).isTrue();
            assertThat(output.path("linkedBy").asString()).isEqualTo("manual");
        });
    }

    @Test
    void theSameAddressTwiceForOneEventIsAConflictHoweverItIsWritten() {
        Meetup meetup = meetup("out-dup");
        meetup.admin().post(meetup.outputs(), json("url", "https://speakerdeck.com/jiro/cli-community", "type", "slide"));

        ApiClient.Answer again = meetup.admin().post(meetup.outputs(),
                json("url", "http://SPEAKERDECK.com/jiro/cli-community/?utm_medium=social", "type", "slide"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("details").get(0).path("field").asString()).isEqualTo("url");
        assertThat(meetup.listed()).hasSize(1);
    }

    @Test
    void staffNameTheAuthorByEmailAndTheListShowsTheirNameNeverTheEmail() {
        Meetup meetup = meetup("out-author");
        meetup.admin().post("/api/v1/organizations/out-author/members", json("displayName", "山田 太郎",
                "identities", List.of(Map.of("kind", "email", "value", "taro@example.com"))));

        ApiClient.Answer added = meetup.admin().post(meetup.outputs(), json("url", "https://zenn.dev/taro/articles/abc",
                "type", "blog", "authorEmail", "TARO@example.com"));
        ApiClient.Answer unknown = meetup.admin().post(meetup.outputs(), json("url", "https://zenn.dev/x/articles/def",
                "type", "blog", "authorEmail", "nobody@example.com"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.text("author")).isEqualTo("山田 太郎");
        assertThat(meetup.admin().get(meetup.outputs()).body()).doesNotContain("taro@example.com");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("details").get(0).path("field").asString()).isEqualTo("authorEmail");
    }

    @Test
    void aRegistrantSubmitsTheirReportWithTheirManageTokenAndIsItsAuthor() {
        Meetup meetup = meetup("out-registrant");
        String token = meetup.register("佐藤 花子", "hanako@example.com").path("manageToken").asString();

        ApiClient.Answer submitted = meetup.admin().anonymous().withHeader("X-Manage-Token", token)
                .post(meetup.outputs(), json("url", "https://note.com/hanako_cm/n/n1a2b3c4d5e6f", "type", "blog"));

        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.text("author")).isEqualTo("佐藤 花子");
        assertThat(submitted.text("linkedBy")).isEqualTo("submitted");
        assertThat(submitted.json().path("awaitingReview").asBoolean()).isTrue();
    }

    @Test
    void aSubmittedReportIsNeitherListedPubliclyNorCountedUntilStaffApproveIt() {
        Meetup meetup = meetup("out-review");
        String token = meetup.register("佐藤 花子", "hanako@example.com").path("manageToken").asString();
        long id = meetup.admin().anonymous().withHeader("X-Manage-Token", token)
                .post(meetup.outputs(), json("url", "https://note.com/hanako_cm/n/review", "type", "blog")).json()
                .path("id").asLong();
        String kpis = "/api/v1/communities/out-review-c/kpis?from=2030-01-01&to=2030-12-31";

        assertThat(meetup.admin().anonymous().get("/e/" + meetup.eventId() + "/reports").body()).doesNotContain("hanako_cm");
        assertThat(meetup.admin().get(kpis).json().path("outputs").asInt()).isZero();

        ApiClient.Answer approved = meetup.admin().post(meetup.outputs() + "/" + id + "/approval", json());

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("awaitingReview").asBoolean()).isFalse();
        assertThat(meetup.admin().anonymous().get("/e/" + meetup.eventId() + "/reports").body()).contains("hanako_cm");
        assertThat(meetup.admin().get(kpis).json().path("outputs").asInt()).isEqualTo(1);
    }

    @Test
    void aReportBeforeTheEventStartsIsRefusedAndSaysWhen() {
        Meetup meetup = meetup("out-early");
        String token = meetup.register("佐藤 花子", "hanako@example.com").path("manageToken").asString();
        clock.set(Instant.parse("2030-05-31T10:00:00Z"));

        ApiClient.Answer early = meetup.admin().anonymous().withHeader("X-Manage-Token", token)
                .post(meetup.outputs(), json("url", "https://note.com/hanako_cm/n/early", "type", "blog"));

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("once the event has started");
        assertThat(meetup.listed()).isEmpty();
    }

    @Test
    void aWaitlistedRegistrantCannotSubmitAReport() {
        ApiClient admin = instanceAdmin.foundOrganization("out-waitlisted");
        admin.post("/api/v1/organizations/out-waitlisted/communities", json("slug", "out-waitlisted-c", "name", "UG"));
        long eventId = admin.post("/api/v1/communities/out-waitlisted-c/events", json("title", "Small room",
                "startsAt", "2030-06-01T19:00:00+09:00", "online", true,
                "frames", List.of(Map.of("name", "一般枠", "capacity", 1, "mode", "fifo")))).json().path("id").asLong();
        Meetup meetup = new Meetup(admin, eventId);
        meetup.register("山田 太郎", "taro@example.com");
        JsonNode waitlisted = meetup.register("佐藤 花子", "hanako@example.com");
        assertThat(waitlisted.path("status").asString()).isEqualTo("waitlisted");

        ApiClient.Answer refused = admin.anonymous().withHeader("X-Manage-Token", waitlisted.path("manageToken")
                .asString()).post(meetup.outputs(), json("url", "https://note.com/hanako_cm/n/w", "type", "blog"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(meetup.listed()).isEmpty();
    }

    @Test
    void whereTheOrganizationChoosesItACheckedInAuthorsReportIsPublishedWithoutReview() {
        Meetup meetup = meetup("out-on-attendance");
        reviews.publishOnAttendance(organizations.findBySlug("out-on-attendance").orElseThrow().id(), true);
        JsonNode hanako = meetup.register("佐藤 花子", "hanako@example.com");
        JsonNode taro = meetup.register("山田 太郎", "taro@example.com");
        meetup.admin().post("/api/v1/events/" + meetup.eventId() + "/checkins",
                json("registrationId", hanako.path("id").asLong()));

        ApiClient.Answer checkedIn = meetup.admin().anonymous()
                .withHeader("X-Manage-Token", hanako.path("manageToken").asString())
                .post(meetup.outputs(), json("url", "https://note.com/hanako_cm/n/in", "type", "blog"));
        ApiClient.Answer notYet = meetup.admin().anonymous()
                .withHeader("X-Manage-Token", taro.path("manageToken").asString())
                .post(meetup.outputs(), json("url", "https://zenn.dev/taro/articles/late", "type", "blog"));

        assertThat(checkedIn.json().path("awaitingReview").asBoolean()).isFalse();
        assertThat(notYet.json().path("awaitingReview").asBoolean()).isTrue();
        assertThat(meetup.admin().anonymous().get("/e/" + meetup.eventId() + "/reports").body()).contains("hanako_cm")
                .doesNotContain("zenn.dev/taro");

        meetup.admin().post("/api/v1/events/" + meetup.eventId() + "/checkins",
                json("registrationId", taro.path("id").asLong()));

        assertThat(meetup.admin().anonymous().get("/e/" + meetup.eventId() + "/reports").body()).contains("zenn.dev/taro");
    }

    @Test
    void anotherOrganizationsAdminCannotApproveAReport() {
        Meetup meetup = meetup("out-approve-own");
        Meetup other = meetup("out-approve-other");
        String token = meetup.register("佐藤 花子", "hanako@example.com").path("manageToken").asString();
        long id = meetup.admin().anonymous().withHeader("X-Manage-Token", token)
                .post(meetup.outputs(), json("url", "https://note.com/hanako_cm/n/own", "type", "blog")).json()
                .path("id").asLong();

        assertThat(other.admin().post(meetup.outputs() + "/" + id + "/approval", json()).status()).isEqualTo(404);
        assertThat(meetup.admin().anonymous().post(meetup.outputs() + "/" + id + "/approval", json()).status())
                .isEqualTo(401);
        assertThat(meetup.listed()).singleElement()
                .satisfies(output -> assertThat(output.path("awaitingReview").asBoolean()).isTrue());
    }

    @Test
    void oneRegistrationSubmitsAFewReportsADayWhileAnotherRegistrantStillCan() {
        Meetup meetup = meetup("out-per-registration");
        String token = meetup.register("佐藤 花子", "hanako@example.com").path("manageToken").asString();
        String other = meetup.register("山田 太郎", "taro@example.com").path("manageToken").asString();
        ApiClient hanako = meetup.admin().anonymous().withHeader("X-Manage-Token", token);

        for (int i = 1; i <= 5; i++) {
            assertThat(hanako.post(meetup.outputs(), json("url", "https://note.com/hanako_cm/n/" + i, "type", "blog"))
                    .status()).isEqualTo(201);
        }
        ApiClient.Answer sixth = hanako.post(meetup.outputs(), json("url", "https://note.com/hanako_cm/n/6",
                "type", "blog"));

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(meetup.admin().anonymous().withHeader("X-Manage-Token", other).post(meetup.outputs(),
                json("url", "https://zenn.dev/taro/articles/a", "type", "blog")).status()).isEqualTo(201);
        assertThat(meetup.admin().get(meetup.outputs()).body()).doesNotContain("hanako_cm/n/6");
    }

    @Test
    void aManageTokenOfAnotherEventOrAGuessSubmitsNothing() {
        Meetup meetup = meetup("out-token");
        Meetup other = meetup("out-token-other");
        String otherToken = other.register("Someone", "someone@example.com").path("manageToken").asString();
        ApiClient anyone = meetup.admin().anonymous();

        assertThat(anyone.withHeader("X-Manage-Token", otherToken).post(meetup.outputs(),
                json("url", "https://example.com/a", "type", "blog")).status()).isEqualTo(404);
        assertThat(anyone.withHeader("X-Manage-Token", "r_guess").post(meetup.outputs(),
                json("url", "https://example.com/a", "type", "blog")).status()).isEqualTo(404);
        assertThat(anyone.post(meetup.outputs(), json("url", "https://example.com/a", "type", "blog")).status())
                .isEqualTo(401);
        assertThat(anyone.get(meetup.outputs()).status()).isEqualTo(401);
        assertThat(meetup.listed()).isEmpty();
    }

    @Test
    void anotherOrganizationsEventIsNotFound() {
        Meetup meetup = meetup("out-tenant");
        ApiClient stranger = instanceAdmin.foundOrganization("out-tenant-stranger");

        assertThat(stranger.get(meetup.outputs()).status()).isEqualTo(404);
        assertThat(stranger.post(meetup.outputs(), json("url", "https://example.com/a", "type", "blog")).status())
                .isEqualTo(404);
        assertThat(stranger.get("/api/v1/events/999999/outputs").status()).isEqualTo(404);
    }

    @Test
    void badInputIsA400NamingTheField() {
        Meetup meetup = meetup("out-bad");

        ApiClient.Answer badUrl = meetup.admin().post(meetup.outputs(), json("url", "javascript:alert(1)", "type", "blog"));
        ApiClient.Answer badType = meetup.admin().post(meetup.outputs(), json("url", "https://example.com/a", "type", "podcast"));
        ApiClient.Answer noUrl = meetup.admin().post(meetup.outputs(), json("type", "blog"));
        ApiClient.Answer garbage = meetup.admin().post(meetup.outputs(), "{not json");

        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.json().path("details").get(0).path("field").asString()).isEqualTo("url");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().path("details").get(0).path("field").asString()).isEqualTo("type");
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(garbage.status()).isEqualTo(400);
    }

    @Test
    void staffUnlinkAnOutputAndLinkItAgainByHand() {
        Meetup meetup = meetup("out-unlink");
        long id = meetup.admin().post(meetup.outputs(), json("url", "https://example.com/a", "type", "media"))
                .json().path("id").asLong();

        assertThat(meetup.admin().delete(meetup.outputs() + "/" + id).status()).isEqualTo(204);
        assertThat(meetup.listed()).isEmpty();
        assertThat(meetup.admin().delete(meetup.outputs() + "/" + id).status()).isEqualTo(404);

        ApiClient.Answer relinked = meetup.admin().post(meetup.outputs(), json("url", "https://example.com/a", "type", "media"));
        assertThat(relinked.status()).isEqualTo(201);
        assertThat(relinked.json().path("id").asLong()).isEqualTo(id);
    }

    @Test
    void aFeedIsAddedToAMemberAndBecomesTheirFeedIdentity() {
        Meetup meetup = meetup("out-feed");
        long memberId = meetup.admin().post("/api/v1/organizations/out-feed/members", json("displayName", "Taro"))
                .json().path("id").asLong();

        ApiClient.Answer added = meetup.admin().post("/api/v1/members/" + memberId + "/feeds",
                json("url", "https://taro-dev.hatenablog.com/feed"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.text("status")).isEqualTo("new");
        JsonNode member = meetup.admin().get("/api/v1/organizations/out-feed/members?identity="
                + "https://taro-dev.hatenablog.com/feed").json();
        assertThat(member.get(0).path("id").asLong()).isEqualTo(memberId);
        assertThat(meetup.admin().post("/api/v1/members/" + memberId + "/feeds", json("url", "not a feed")).status())
                .isEqualTo(400);
        assertThat(instanceAdmin.foundOrganization("out-feed-stranger")
                .post("/api/v1/members/" + memberId + "/feeds", json("url", "https://example.com/feed")).status())
                .isEqualTo(404);
    }
}
