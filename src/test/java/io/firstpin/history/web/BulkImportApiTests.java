package io.firstpin.history.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static io.firstpin.platform.db.Tables.HISTORY_BULK_JOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventListings;
import io.firstpin.history.ExportFiles;
import io.firstpin.history.ImportJobs;
import io.firstpin.history.ZipFiles;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firstpin.bootstrap-token=" + BOOTSTRAP,
                "firstpin.history.job-check-interval=1h"})
class BulkImportApiTests {

    @LocalServerPort
    int port;
    @Autowired
    ImportJobs jobs;
    @Autowired
    Communities communities;
    @Autowired
    EventListings listings;
    @Autowired
    DSLContext db;

    ApiClient instanceAdmin;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
    }

    /** An organization's admin client, its community and one past study session in it. */
    private Fixture communityOf(String org) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-c", "name", "JAWS-UG 福岡"));
        JsonNode event = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "JAWS-UG 福岡 #42",
                "startsAt", "2024-05-10T19:00:00+09:00", "online", true,
                "frames", List.of(Map.of("name", "一般枠")))).json();
        return new Fixture(admin, org + "-c", event.path("id").asLong());
    }

    private static ApiClient.Answer bulk(Fixture fixture, Map<String, byte[]> files, String manifest) {
        return fixture.admin().postMultipartFiles("/api/v1/communities/" + fixture.community() + "/imports",
                Map.of("manifest", manifest), "files", files);
    }

    /** Runs the queued jobs here and answers the job once it has finished. */
    private JsonNode finished(ApiClient client, String status) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            jobs.runQueued();
            JsonNode job = client.get(status).json();
            if (!List.of("QUEUED", "RUNNING").contains(job.path("state").asString())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not finish: " + client.get(status).body());
    }

    private static Map<String, byte[]> goodAndBadFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("event_42_participants.csv", ExportFiles.connpassStudySession());
        files.put("doorkeeper_2024-06-14.csv", ExportFiles.doorkeeperAttendees());
        files.put("event_43_participants.csv", ExportFiles.connpassWithBrokenCells());
        return files;
    }

    private static String goodAndBadManifest(Fixture fixture) {
        return "[{\"file\":\"event_42_participants.csv\",\"format\":\"connpass\",\"eventId\":" + fixture.eventId()
                + "},{\"file\":\"doorkeeper_2024-06-14.csv\",\"title\":\"JAWS-UG 福岡 #43\","
                + "\"startsAt\":\"2024-06-14T19:00:00+09:00\"},"
                + "{\"file\":\"event_43_participants.csv\",\"format\":\"connpass\",\"title\":\"JAWS-UG 福岡 #44\","
                + "\"startsAt\":\"2024-07-12 19:00\"}]";
    }

    private List<String> eventTitles(Fixture fixture) {
        Community community = communities.findBySlug(fixture.community()).orElseThrow();
        return listings.search(community.organizationId(), null, Set.of(community.id()), 0, 100).events().stream()
                .map(Event::title).toList();
    }

    @Test
    void goodFilesImportWhileABrokenOneIsRefusedWithItsRowsAndColumnsAndCreatesNoEvent() throws Exception {
        Fixture fixture = communityOf("bulk-mix");

        ApiClient.Answer queued = bulk(fixture, goodAndBadFiles(), goodAndBadManifest(fixture));
        JsonNode job = finished(fixture.admin(), queued.text("status"));

        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        assertThat(queued.json().path("files").asInt()).isEqualTo(3);
        assertThat(job.path("state").asString()).isEqualTo("DONE");
        JsonNode files = job.path("files");
        assertThat(files.get(0).path("state").asString()).isEqualTo("DONE");
        assertThat(files.get(0).path("eventId").asLong()).isEqualTo(fixture.eventId());
        assertThat(files.get(0).path("summary").path("rows").asInt()).isEqualTo(8);
        assertThat(files.get(1).path("state").asString()).isEqualTo("DONE");
        assertThat(files.get(1).path("format").asString()).isEqualTo("doorkeeper");
        assertThat(files.get(1).path("eventCreated").asBoolean()).isTrue();
        assertThat(files.get(2).path("state").asString()).isEqualTo("REJECTED");
        assertThat(files.get(2).path("summary").isNull()).isTrue();
        List<String> cells = StreamSupport.stream(files.get(2).path("problems").spliterator(), false)
                .map(d -> d.path("row").asInt() + " " + d.path("column").asString())
                .toList();
        assertThat(cells).contains("3 参加ステータス", "4 ユーザー名");
        assertThat(job.path("total").path("filesImported").asInt()).isEqualTo(2);
        assertThat(job.path("total").path("filesRefused").asInt()).isEqualTo(1);
        assertThat(job.path("total").path("eventsCreated").asInt()).isEqualTo(1);
        assertThat(job.path("total").path("rows").asInt())
                .isEqualTo(8 + files.get(1).path("summary").path("rows").asInt());
        assertThat(eventTitles(fixture)).contains("JAWS-UG 福岡 #42", "JAWS-UG 福岡 #43")
                .doesNotContain("JAWS-UG 福岡 #44");
        JsonNode created = fixture.admin().get("/api/v1/events/" + files.get(1).path("eventId").asLong()).json();
        assertThat(created.path("startsAt").asString()).startsWith("2024-06-14T");
    }

    @Test
    void runningTheSameBulkAgainChangesNothingAndReportsTheSameCounts() throws Exception {
        Fixture fixture = communityOf("bulk-again");
        JsonNode first = finished(fixture.admin(),
                bulk(fixture, goodAndBadFiles(), goodAndBadManifest(fixture)).text("status"));
        List<String> eventsAfterFirst = eventTitles(fixture);

        JsonNode again = finished(fixture.admin(),
                bulk(fixture, goodAndBadFiles(), goodAndBadManifest(fixture)).text("status"));

        assertThat(eventTitles(fixture)).isEqualTo(eventsAfterFirst);
        for (int i = 0; i < 3; i++) {
            assertThat(again.path("files").get(i).path("summary"))
                    .isEqualTo(first.path("files").get(i).path("summary"));
            assertThat(again.path("files").get(i).path("eventId"))
                    .isEqualTo(first.path("files").get(i).path("eventId"));
        }
        assertThat(again.path("total").path("rows")).isEqualTo(first.path("total").path("rows"));
        assertThat(again.path("total").path("eventsCreated").asInt()).isZero();
    }

    @Test
    void aZipMadeOnAJapaneseWindowsKeepsItsJapaneseFileNames() throws Exception {
        Fixture fixture = communityOf("bulk-zip");
        Map<String, byte[]> inside = new LinkedHashMap<>();
        inside.put("履歴/第42回_勉強会.csv", ExportFiles.connpassSavedByExcel());
        inside.put("履歴/第43回_髙橋さん①.csv", ExportFiles.meetupAttendees());
        byte[] zip = ZipFiles.madeOnJapaneseWindows(inside);

        ApiClient.Answer queued = bulk(fixture, Map.of("history.zip", zip),
                "[{\"file\":\"履歴/第42回_勉強会.csv\",\"eventId\":" + fixture.eventId() + "},"
                        + "{\"file\":\"履歴/第43回_髙橋さん①.csv\",\"title\":\"第43回\",\"startsAt\":\"2024-06-14 19:00\"}]");
        JsonNode job = finished(fixture.admin(), queued.text("status"));

        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        assertThat(job.path("files").get(0).path("file").asString()).isEqualTo("履歴/第42回_勉強会.csv");
        assertThat(job.path("files").get(0).path("format").asString()).isEqualTo("connpass");
        assertThat(job.path("files").get(0).path("state").asString()).isEqualTo("DONE");
        assertThat(job.path("files").get(1).path("file").asString()).isEqualTo("履歴/第43回_髙橋さん①.csv");
        assertThat(job.path("files").get(1).path("format").asString()).isEqualTo("meetup");
        assertThat(job.path("files").get(1).path("state").asString()).isEqualTo("DONE");
    }

    @Test
    void aZipClimbingOutOfItselfOrABombIsRefusedWith400AndNothingQueued() {
        Fixture fixture = communityOf("bulk-evil");

        ApiClient.Answer climbing = bulk(fixture, Map.of("evil.zip", ZipFiles.climbingOutOfTheArchive()),
                "[{\"file\":\"event_1_participants.csv\",\"eventId\":" + fixture.eventId() + "}]");
        ApiClient.Answer bomb = bulk(fixture, Map.of("bomb.zip", ZipFiles.bomb(60)),
                "[{\"file\":\"huge.csv\",\"eventId\":" + fixture.eventId() + "}]");

        assertThat(climbing.status()).isEqualTo(400);
        assertThat(climbing.json().path("details").get(0).path("message").asString())
                .contains("../../etc/cron.d/evil.csv");
        assertThat(bomb.status()).isEqualTo(400);
        assertThat(bomb.json().path("details").get(0).path("message").asString()).contains("huge.csv", "50 MB");
    }

    @Test
    void fiftySmallZipsThatUnpackToGigabytesAreRefusedWholeWithAClearMessageAndNothingStored() {
        Fixture fixture = communityOf("bulk-fifty");
        // four files of 45 MB each: within the limits of one file and of one zip, 180 MB a zip, 9 GB in all
        byte[] zip = ZipFiles.bombs(4, 45);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (int i = 1; i <= 50; i++) {
            parts.put("history-" + i + ".zip", zip);
        }
        assertThat(zip.length * 50L).isLessThan(20L * 1024 * 1024);

        ApiClient.Answer refused = bulk(fixture, parts, "[]");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("details").get(0).path("field").asString()).isEqualTo("files");
        assertThat(refused.json().path("details").get(0).path("message").asString()).contains("200 MB");
        assertThat(db.fetchCount(HISTORY_BULK_JOB, HISTORY_BULK_JOB.COMMUNITY_ID.eq(
                communities.findBySlug(fixture.community()).orElseThrow().id()))).isZero();
        assertThat(fixture.admin().get("/api/v1/events/" + fixture.eventId()).status()).isEqualTo(200);
    }

    @Test
    void aSecondBulkImportWhileTheOrganizationsFirstIsQueuedIs409AndNothingOfItIsStored() throws Exception {
        Fixture fixture = communityOf("bulk-one");
        Map<String, byte[]> file = Map.of("event_42_participants.csv", ExportFiles.connpassStudySession());
        String manifest = "[{\"file\":\"event_42_participants.csv\",\"eventId\":" + fixture.eventId() + "}]";
        Community community = communities.findBySlug(fixture.community()).orElseThrow();

        ApiClient.Answer first = bulk(fixture, file, manifest);
        ApiClient.Answer second = bulk(fixture, file, manifest);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().path("details").get(0).path("field").asString()).isEqualTo("files");
        assertThat(db.fetchCount(HISTORY_BULK_JOB, HISTORY_BULK_JOB.COMMUNITY_ID.eq(community.id()))).isEqualTo(1);
        assertThat(finished(fixture.admin(), first.text("status")).path("state").asString()).isEqualTo("DONE");
        assertThat(bulk(fixture, file, manifest).status()).isEqualTo(202);
    }

    @Test
    void multipartBodiesAreSmallEverywhereButOnTheImportPaths() throws Exception {
        Fixture fixture = communityOf("bulk-sizes");
        byte[] twoMegabytes = ExportFiles.connpassStudySession();
        twoMegabytes = java.util.Arrays.copyOf(twoMegabytes, 2 * 1024 * 1024);
        String registrations = "/api/v1/events/" + fixture.eventId() + "/registrations";

        ApiClient.Answer elsewhere = fixture.admin().postMultipart(registrations, Map.of(), "file", "a.csv",
                twoMegabytes);
        ApiClient.Answer encoded = fixture.admin().postMultipart(registrations.replace("registrations",
                "%72egistrations"), Map.of(), "file", "a.csv", twoMegabytes);
        ApiClient.Answer onTheImport = fixture.admin().postMultipart("/api/v1/events/" + fixture.eventId()
                + "/imports", Map.of("format", "connpass"), "file", "a.csv", twoMegabytes);
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + registrations))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        "--b--\r\n".getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(elsewhere.status()).isEqualTo(413);
        assertThat(elsewhere.json().path("error").asString()).isEqualTo("too_large");
        assertThat(elsewhere.json().path("message").asString()).contains("1 MB");
        assertThat(encoded.status()).isEqualTo(413);
        assertThat(onTheImport.status()).as(onTheImport.body()).isNotEqualTo(413).isBetween(200, 499);
        assertThat(chunked.statusCode()).isEqualTo(411);
    }

    @Test
    void aFileTheManifestDoesNotPlaceIs400NamingIt() {
        Fixture fixture = communityOf("bulk-manifest");

        ApiClient.Answer unplaced = bulk(fixture, goodAndBadFiles(),
                "[{\"file\":\"event_42_participants.csv\",\"eventId\":" + fixture.eventId() + "}]");
        ApiClient.Answer notJson = bulk(fixture, goodAndBadFiles(), "event 42");

        assertThat(unplaced.status()).isEqualTo(400);
        assertThat(unplaced.body()).contains("doorkeeper_2024-06-14.csv", "event_43_participants.csv");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("details").get(0).path("field").asString()).isEqualTo("manifest");
    }

    @Test
    void anotherOrganizationsCommunityJobAndEventAreNotFound() throws Exception {
        Fixture owner = communityOf("bulk-owner");
        Fixture stranger = communityOf("bulk-stranger");
        String status = bulk(owner, Map.of("event_42_participants.csv", ExportFiles.connpassStudySession()),
                "[{\"file\":\"event_42_participants.csv\",\"eventId\":" + owner.eventId() + "}]").text("status");

        ApiClient.Answer intoTheirEvent = bulk(stranger, Map.of("event_42_participants.csv",
                        ExportFiles.connpassStudySession()),
                "[{\"file\":\"event_42_participants.csv\",\"eventId\":" + owner.eventId() + "}]");

        assertThat(stranger.admin().get(status).status()).isEqualTo(404);
        assertThat(stranger.admin().get(status.replace("bulk-owner-c", "bulk-stranger-c")).status()).isEqualTo(404);
        assertThat(intoTheirEvent.status()).isEqualTo(404);
        assertThat(bulk(new Fixture(stranger.admin(), owner.community(), owner.eventId()),
                Map.of("a.csv", ExportFiles.connpassStudySession()), "[]").status()).isEqualTo(404);
        assertThat(owner.admin().anonymous().get(status).status()).isEqualTo(401);
    }

    private record Fixture(ApiClient admin, String community, long eventId) {
    }

    private static Map<String, byte[]> twoListsOfNoKnownSite() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("受付_第1回.csv", ExportFiles.genericList());
        files.put("受付_第2回.csv", ExportFiles.genericListOfTheNextEvent("参加"));
        return files;
    }

    private static String listsManifest(String firstEntryExtra) {
        return "[{\"file\":\"受付_第1回.csv\",\"format\":\"generic\",\"title\":\"第1回\","
                + "\"startsAt\":\"2024-05-10 19:00\"" + firstEntryExtra + "},"
                + "{\"file\":\"受付_第2回.csv\",\"format\":\"generic\",\"title\":\"第2回\","
                + "\"startsAt\":\"2024-06-14 19:00\"}]";
    }

    @Test
    void listsOfNoKnownSiteWithoutAMappingAre422NamingEachFileAndNothingIsQueued() {
        Fixture fixture = communityOf("bulk-unmapped");

        ApiClient.Answer refused = bulk(fixture, twoListsOfNoKnownSite(), listsManifest(""));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("error").asString()).isEqualTo("mapping_required");
        JsonNode details = refused.json().path("details");
        assertThat(details.get(0).path("field").asString()).isEqualTo("files[1]");
        assertThat(details.get(0).path("message").asString()).contains("受付_第1回.csv");
        assertThat(details.get(1).path("message").asString()).contains("受付_第2回.csv");
        assertThat(jobs.runQueued()).isZero();
        assertThat(eventTitles(fixture)).containsExactly("JAWS-UG 福岡 #42");
    }

    @Test
    void aMappingGivenForOneListReadsEveryListWithItsHeaderAndIsRememberedOnceImported() throws Exception {
        Fixture fixture = communityOf("bulk-mapped");

        ApiClient.Answer queued = bulk(fixture, twoListsOfNoKnownSite(),
                listsManifest(",\"mapping\":" + GenericImportApiTests.MAPPING));
        JsonNode job = finished(fixture.admin(), queued.text("status"));
        ApiClient.Answer again = bulk(fixture, Map.of("受付_第3回.csv", ExportFiles.genericListOfTheNextEvent("補欠")),
                "[{\"file\":\"受付_第3回.csv\",\"format\":\"generic\",\"title\":\"第3回\","
                        + "\"startsAt\":\"2024-07-12 19:00\"}]");

        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        assertThat(job.path("files").get(0).path("state").asString()).isEqualTo("DONE");
        assertThat(job.path("files").get(0).path("format").asString()).isEqualTo("generic");
        assertThat(job.path("files").get(1).path("state").asString()).isEqualTo("DONE");
        assertThat(job.path("total").path("rows").asInt()).isEqualTo(5);
        assertThat(again.status()).as(again.body()).isEqualTo(202);
    }

    @Test
    void aMappingThatIsNoMappingOrDoesNotFitIsRefusedNamingTheFile() {
        Fixture fixture = communityOf("bulk-misfit");

        ApiClient.Answer unknownKind = bulk(fixture, twoListsOfNoKnownSite(),
                listsManifest(",\"mapping\":{\"name\":\"氏名\",\"identityKind\":\"myspace\"}"));
        ApiClient.Answer misfit = bulk(fixture, twoListsOfNoKnownSite(),
                listsManifest(",\"mapping\":{\"name\":\"名前\"}"));

        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().path("details").get(0).path("field").asString())
                .isEqualTo("files[1].mapping.identityKind");
        assertThat(misfit.status()).as(misfit.body()).isEqualTo(422);
        JsonNode detail = misfit.json().path("details").get(0);
        assertThat(detail.path("row").asInt()).isEqualTo(1);
        assertThat(detail.path("column").asString()).isEqualTo("名前");
        assertThat(detail.path("message").asString()).startsWith("受付_第1回.csv: ");
    }

    @Test
    void whileRunningTheStatusNamesTheFileItsStageAndRows() {
        Fixture fixture = communityOf("bulk-progress");
        String status = bulk(fixture, goodAndBadFiles(), goodAndBadManifest(fixture)).text("status");
        long id = Long.parseLong(status.substring(status.lastIndexOf('/') + 1));
        db.update(HISTORY_BULK_JOB).set(HISTORY_BULK_JOB.STATE, "RUNNING").set(HISTORY_BULK_JOB.FILE_AT, 2)
                .set(HISTORY_BULK_JOB.STAGE, "PEOPLE").set(HISTORY_BULK_JOB.FILE_ROWS, 40000)
                .where(HISTORY_BULK_JOB.ID.eq(id)).execute();

        JsonNode running = fixture.admin().get(status).json();

        assertThat(running.path("fileAt").asInt()).isEqualTo(2);
        assertThat(running.path("fileCount").asInt()).isEqualTo(3);
        assertThat(running.path("currentFile").asString()).isEqualTo("doorkeeper_2024-06-14.csv");
        assertThat(running.path("stage").asString()).isEqualTo("PEOPLE");
        assertThat(running.path("fileRows").asInt()).isEqualTo(40000);
    }
}
