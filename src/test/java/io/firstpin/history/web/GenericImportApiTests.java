package io.firstpin.history.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.history.ExportFiles;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import java.util.HashMap;
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
class GenericImportApiTests {

    static final String MAPPING = "{\"name\":\"氏名\",\"email\":\"メール\",\"identity\":\"connpass ID\","
            + "\"identityKind\":\"connpass\",\"status\":\"状態\",\"statusValues\":{\"参加\":\"confirmed\","
            + "\"補欠\":\"waitlisted\",\"キャンセル\":\"cancelled\"},\"checkedIn\":\"来場\",\"checkedInYes\":\"○\","
            + "\"checkedInAt\":\"受付時刻\",\"frame\":\"枠\",\"registeredAt\":\"申込日時\"}";

    @LocalServerPort
    int port;

    ApiClient instanceAdmin;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
    }

    /** An organization's admin and two past study sessions of one community. */
    private Fixture twoEventsOf(String org) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-c", "name", "Python 勉強会"));
        long first = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "第1回",
                "startsAt", "2024-05-10T19:00:00+09:00", "online", true)).json().path("id").asLong();
        long second = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "第2回",
                "startsAt", "2024-06-14T19:00:00+09:00", "online", true)).json().path("id").asLong();
        return new Fixture(admin, first, second);
    }

    private static ApiClient.Answer upload(ApiClient client, long eventId, byte[] file, String mapping) {
        Map<String, String> fields = new HashMap<>();
        fields.put("format", "generic");
        if (mapping != null) {
            fields.put("mapping", mapping);
        }
        return client.postMultipart("/api/v1/events/" + eventId + "/imports", fields, "file", "list.csv", file);
    }

    private static List<String> cells(ApiClient.Answer answer) {
        return StreamSupport.stream(answer.json().path("details").spliterator(), false)
                .map(d -> d.path("row").asInt() + " " + d.path("column").asString())
                .toList();
    }

    @Test
    void aGenericListImportsThroughItsMappingAndTheNextWithTheSameHeaderUsesTheRememberedOne() {
        Fixture fixture = twoEventsOf("generic-ok");

        ApiClient.Answer mapped = upload(fixture.admin(), fixture.first(), ExportFiles.genericList(), MAPPING);
        ApiClient.Answer remembered = upload(fixture.admin(), fixture.second(),
                ExportFiles.genericListOfTheNextEvent("参加"), null);

        assertThat(mapped.status()).as(mapped.body()).isEqualTo(201);
        assertThat(mapped.json().path("rows").asInt()).isEqualTo(3);
        assertThat(mapped.json().path("attendances").asInt()).isEqualTo(1);
        assertThat(mapped.json().path("membersCreated").asInt()).isEqualTo(3);
        assertThat(remembered.status()).as(remembered.body()).isEqualTo(201);
        assertThat(remembered.json().path("rows").asInt()).isEqualTo(2);
        assertThat(remembered.json().path("attendances").asInt()).isEqualTo(1);
        JsonNode event = fixture.admin().get("/api/v1/events/" + fixture.first()).json();
        assertThat(event.path("frames").toString()).contains("一般");
    }

    @Test
    void withoutAMappingGivenOrRememberedItIs422SayingWhichColumnMustBeMapped() {
        Fixture fixture = twoEventsOf("generic-unmapped");

        ApiClient.Answer answer = upload(fixture.admin(), fixture.first(), ExportFiles.genericList(), null);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text("error")).isEqualTo("import_rejected");
        assertThat(answer.json().path("details").get(0).path("message").asString()).contains("\"name\"");
    }

    @Test
    void aMappingThatDoesNotFitOrAValueNobodyMappedIsRefusedByRowAndColumn() {
        Fixture fixture = twoEventsOf("generic-broken");

        ApiClient.Answer missing = upload(fixture.admin(), fixture.first(), ExportFiles.genericList(),
                MAPPING.replace("\"受付時刻\"", "\"チェックイン\""));
        ApiClient.Answer unmapped = upload(fixture.admin(), fixture.first(),
                ExportFiles.genericListOfTheNextEvent("欠席"), MAPPING);
        ApiClient.Answer notJson = upload(fixture.admin(), fixture.first(), ExportFiles.genericList(), "氏名");

        assertThat(missing.status()).isEqualTo(422);
        assertThat(cells(missing)).containsExactly("1 チェックイン");
        assertThat(unmapped.status()).isEqualTo(422);
        assertThat(cells(unmapped)).containsExactly("3 状態");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("details").get(0).path("field").asString()).isEqualTo("mapping");
    }

    @Test
    void anotherOrganizationsEventIsNotFound() {
        Fixture fixture = twoEventsOf("generic-owner");
        ApiClient stranger = instanceAdmin.foundOrganization("generic-stranger");

        assertThat(upload(stranger, fixture.first(), ExportFiles.genericList(), MAPPING).status()).isEqualTo(404);
    }

    private record Fixture(ApiClient admin, long first, long second) {
    }
}
