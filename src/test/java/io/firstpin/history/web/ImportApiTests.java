package io.firstpin.history.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.history.ExportFiles;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class ImportApiTests {

    @LocalServerPort
    int port;

    ApiClient instanceAdmin;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
    }

    /** An organization's admin client and a past study session of theirs. */
    private Fixture pastEventOf(String org) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-c", "name", "JAWS-UG 福岡"));
        JsonNode event = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "JAWS-UG 福岡 #42",
                "startsAt", "2024-05-10T19:00:00+09:00", "online", true,
                "frames", List.of(Map.of("name", "一般枠")))).json();
        return new Fixture(admin, event.path("id").asLong());
    }

    private static ApiClient.Answer upload(ApiClient client, long eventId, String format, byte[] file) {
        return client.postMultipart("/api/v1/events/" + eventId + "/imports", Map.of("format", format), "file",
                "event_1_participants.csv", file);
    }

    @Test
    void anOrganizationAdminImportsAConnpassExportAndGetsTheCounts() {
        Fixture fixture = pastEventOf("import-ok");

        ApiClient.Answer answer = upload(fixture.admin(), fixture.eventId(), "connpass",
                ExportFiles.connpassStudySession());

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("rows").asInt()).isEqualTo(8);
        assertThat(answer.json().path("registrations").asInt()).isEqualTo(8);
        assertThat(answer.json().path("attendances").asInt()).isEqualTo(3);
        assertThat(answer.json().path("membersCreated").asInt()).isEqualTo(8);
        assertThat(answer.json().path("membersMatched").asInt()).isEqualTo(0);
    }

    @Test
    void theSameFileAgainAnswersTheSameCounts() {
        Fixture fixture = pastEventOf("import-again");
        ApiClient.Answer first = upload(fixture.admin(), fixture.eventId(), "connpass",
                ExportFiles.connpassStudySession());

        ApiClient.Answer again = upload(fixture.admin(), fixture.eventId(), "connpass",
                ExportFiles.connpassStudySession());

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    void aBrokenFileAnswers422WithAProblemPerRowAndColumn() {
        Fixture fixture = pastEventOf("import-broken");

        ApiClient.Answer answer = upload(fixture.admin(), fixture.eventId(), "connpass",
                ExportFiles.connpassWithBrokenCells());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text("error")).isEqualTo("import_rejected");
        List<String> cells = StreamSupport.stream(answer.json().path("details").spliterator(), false)
                .map(d -> d.path("row").asInt() + " " + d.path("column").asString())
                .toList();
        assertThat(cells).containsExactly("3 参加ステータス", "4 ユーザー名", "4 出席日時", "5 参加枠名", "5 出欠ステータス",
                "6 ユーザー名");
        assertThat(answer.json().path("details").get(0).path("message").asString())
                .isEqualTo("Unknown status \"キャンセル待ち\"; expected one of: 参加, 補欠, キャンセル, 抽選待ち, 落選.");
        JsonNode event = fixture.admin().get("/api/v1/events/" + fixture.eventId()).json();
        assertThat(event.path("frames").get(0).path("confirmed").asInt()).isZero();
    }

    @Test
    void aSpreadsheetInsteadOfACsvIsRefused() {
        Fixture fixture = pastEventOf("import-xlsx");

        ApiClient.Answer answer = upload(fixture.admin(), fixture.eventId(), "connpass",
                ExportFiles.spreadsheetInsteadOfCsv());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("details").get(0).has("row")).isFalse();
    }

    @Test
    void anUnknownFormatOrAMissingFileIs400() {
        Fixture fixture = pastEventOf("import-400");

        ApiClient.Answer excel = upload(fixture.admin(), fixture.eventId(), "excel",
                ExportFiles.connpassStudySession());
        ApiClient.Answer noFile = fixture.admin().postMultipart("/api/v1/events/" + fixture.eventId() + "/imports",
                Map.of("format", "connpass"), null, null, null);

        assertThat(excel.status()).isEqualTo(400);
        assertThat(excel.json().path("details").get(0).path("field").asString()).isEqualTo("format");
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().path("details").get(0).path("field").asString()).isEqualTo("file");
    }

    @Test
    void anotherOrganizationsEventIsNotFoundAndAnonymousCallersAreTurnedAway() {
        Fixture fixture = pastEventOf("import-owner");
        ApiClient stranger = instanceAdmin.foundOrganization("import-stranger");

        assertThat(upload(stranger, fixture.eventId(), "connpass", ExportFiles.connpassStudySession()).status())
                .isEqualTo(404);
        assertThat(upload(stranger.anonymous(), fixture.eventId(), "connpass", ExportFiles.connpassStudySession())
                .status()).isEqualTo(401);
    }

    private record Fixture(ApiClient admin, long eventId) {
    }
}
