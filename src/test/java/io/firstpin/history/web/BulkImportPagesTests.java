package io.firstpin.history.web;

import static io.firstpin.platform.db.Tables.HISTORY_BULK_JOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.EventListings;
import io.firstpin.event.Events;
import io.firstpin.history.ExportFiles;
import io.firstpin.history.ImportJobs;
import io.firstpin.history.ZipFiles;
import io.firstpin.identity.Role;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@DatabaseTest
@SpringBootTest(properties = "firstpin.history.job-check-interval=1h")
@AutoConfigureMockMvc
class BulkImportPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Events events;
    @Autowired
    EventListings listings;
    @Autowired
    Registrations registrations;
    @Autowired
    ImportJobs jobs;
    @Autowired
    DSLContext db;

    TestTenant tenant;
    Community community;
    Event connpassEvent;
    Event summerEvent;
    String page;
    MockHttpSession admin;

    @BeforeEach
    void aCommunityWithTwoPastEventsAndItsAdmin() {
        tenant = TestTenant.found(context, "bulk", "JAWS-UG 福岡");
        community = tenant.community();
        connpassEvent = pastEvent("JAWS-UG 福岡 #42", "2024-05-10T19:00:00+09:00",
                "https://jawsug-fukuoka.connpass.com/event/77/");
        summerEvent = pastEvent("夏の勉強会", "2024-08-02T19:00:00+09:00", null);
        page = tenant.ofCommunity("/imports");
        admin = tenant.staff(mvc, Role.ORGANIZATION_ADMIN);
    }

    private Event pastEvent(String title, String startsAt, String onlineUrl) {
        return events.plan(community, new EventDetails(title, null, EventKind.STUDY_SESSION,
                OffsetDateTime.parse(startsAt).toInstant(), null, null, true, onlineUrl, Optional.empty()),
                List.of(), List.of(), "一般枠");
    }

    private String show(String path, String language) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).session(admin).header("Accept-Language", language))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse upload(MockMultipartFile... files) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart(page);
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return mvc.perform(request.session(admin).with(csrf()).header("Accept-Language", "en")).andReturn()
                .getResponse();
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("files", name, "text/csv", content);
    }

    /** The review step of three files: a connpass export, one saved by Excel on the summer date, and a new party. */
    private String reviewOfThreeFiles() throws Exception {
        MockHttpServletResponse uploaded = upload(file("event_77_participants.csv", ExportFiles.connpassStudySession()),
                file("2024-08-02_participants.csv", ExportFiles.connpassSavedByExcel()),
                file("新年会.csv", ExportFiles.connpassWithBrokenCells()));
        assertThat(uploaded.getRedirectedUrl()).as(uploaded.getContentAsString()).matches(page + "/\\d+/review");
        return uploaded.getRedirectedUrl();
    }

    private static String row(String html, int position) {
        Matcher row = Pattern.compile("<tr id=\"bulk-file-" + position + "\".*?</tr>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).isTrue();
        return row.group();
    }

    @Test
    void theUploadStepAsksForManyFilesOrAZipInBothLanguages() throws Exception {
        String ja = show(page, "ja");
        String en = show(page, "en");
        String list = show(tenant.ofCommunity("/events"), "en");

        assertThat(ja).contains("コミュニティの履歴の取り込み", "name=\"files\"", "multiple", "CSV ファイルまたは zip");
        assertThat(en).contains("Import a community", "CSV files or a zip", "Upload and review");
        assertThat(list).contains("id=\"history-imports\"", page);
    }

    @Test
    void eachFileIsShownWithItsSiteEncodingAndTheEventItMatches() throws Exception {
        String review = show(reviewOfThreeFiles(), "en");

        String connpass = row(review, 1);
        String excel = row(review, 2);
        String party = row(review, 3);
        assertThat(connpass).contains("event_77_participants.csv", "UTF-8 (BOM)", ">8<",
                "value=\"connpass\" selected", "value=\"" + connpassEvent.id() + "\" selected");
        assertThat(excel).contains("Shift_JIS (CP932)", "value=\"" + summerEvent.id() + "\" selected");
        assertThat(party).contains("value=\"new\" selected", "value=\"新年会\"", "problem(s)");
        assertThat(show(reviewOfThreeFiles(), "ja")).contains("ファイルごとにイベントを選ぶ", "新しいイベントを作る");
    }

    @Test
    void startingImportsGoodFilesRefusesTheBrokenOneAndShowsEachResultThenTheTotals() throws Exception {
        String review = reviewOfThreeFiles();
        String job = review.replace("/review", "");

        MockHttpServletResponse started = mvc.perform(post(job).session(admin).with(csrf())
                .param("format-1", "connpass").param("event-1", String.valueOf(connpassEvent.id()))
                .param("format-2", "connpass").param("event-2", "new").param("title-2", "夏の勉強会 再")
                .param("startsAt-2", "2024-08-16T19:00")
                .param("format-3", "connpass").param("event-3", "new").param("title-3", "新年会")
                .param("startsAt-3", "2025-01-10T19:00")).andReturn().getResponse();
        String waiting = show(job, "en");
        jobs.runQueued();
        String polled = mvc.perform(get(job).session(admin).header("HX-Request", "true")
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();
        String ja = show(job, "ja");

        assertThat(started.getRedirectedUrl()).isEqualTo(job);
        assertThat(waiting).contains("id=\"bulk-progress\"", "hx-trigger=\"every 1s\"", "<progress");
        assertThat(polled).startsWith("<div id=\"bulk-result\"").doesNotContain("<html", "hx-trigger")
                .contains("2 file(s) imported, 1 file(s) refused, 1 event(s) created.",
                        "Refused: nothing of this file was stored", "新年会.csv: 6 problem(s)", "参加ステータス");
        assertThat(ja).contains("取り込んだファイル 2 件", "取り込みませんでした", "合計");
        assertThat(registrations.ofEvent(tenant.id(), connpassEvent.id())).hasSize(8);
        List<String> titles = listings.search(tenant.id(), null, Set.of(community.id()), 0, 10).events().stream()
                .map(Event::title).toList();
        assertThat(titles).contains("夏の勉強会 再").doesNotContain("新年会");
    }

    @Test
    void aNewEventWithoutTitleOrStartIsAskedForAgain() throws Exception {
        String job = reviewOfThreeFiles().replace("/review", "");

        MockHttpServletResponse refused = mvc.perform(post(job).session(admin).with(csrf())
                .header("Accept-Language", "en")
                .param("format-1", "connpass").param("event-1", "new").param("title-1", "")
                .param("format-2", "connpass").param("event-2", String.valueOf(summerEvent.id()))
                .param("format-3", "", "").param("event-3", "new").param("title-3", "新年会")
                .param("startsAt-3", "2025-01-10T19:00")).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("id=\"bulk-errors\"",
                "event_77_participants.csv: Choose an event, or give the new event a title and a start.",
                "新年会.csv: Choose the site the file comes from");
        assertThat(jobs.runQueued()).isZero();
    }

    @Test
    void aZipClimbingOutOfItselfIsRefusedOnThePage() throws Exception {
        MockHttpServletResponse refused = upload(new MockMultipartFile("files", "history.zip", "application/zip",
                ZipFiles.climbingOutOfTheArchive()));

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("id=\"bulk-error\"", "../../etc/cron.d/evil.csv");
    }

    @Test
    void anotherOrganizationsCommunityAndJobAreNotFound() throws Exception {
        String review = reviewOfThreeFiles();
        TestTenant other = TestTenant.found(context, "other", "Other");
        MockHttpSession outsider = other.staff(mvc, Role.ORGANIZATION_ADMIN);

        int pageStatus = mvc.perform(get(page).session(outsider)).andReturn().getResponse().getStatus();
        int reviewStatus = mvc.perform(get(review.replace(tenant.manage("/"), other.manage("/"))).session(outsider))
                .andReturn().getResponse().getStatus();

        assertThat(pageStatus).isIn(403, 404);
        assertThat(reviewStatus).isEqualTo(404);
    }

    /** The review step of a connpass export and two lists of no known site with the same header. */
    private String reviewWithTwoGenericLists() throws Exception {
        MockHttpServletResponse uploaded = upload(file("event_77_participants.csv", ExportFiles.connpassStudySession()),
                file("2024-08-02_受付.csv", ExportFiles.genericList()),
                file("2024-09-06_受付.csv", ExportFiles.genericListOfTheNextEvent("参加")));
        assertThat(uploaded.getRedirectedUrl()).as(uploaded.getContentAsString()).matches(page + "/\\d+/review");
        return uploaded.getRedirectedUrl();
    }

    private MockHttpServletResponse startWithGenericLists(String job) throws Exception {
        return mvc.perform(post(job).session(admin).with(csrf()).header("Accept-Language", "en")
                .param("format-1", "connpass").param("event-1", String.valueOf(connpassEvent.id()))
                .param("format-2", "generic").param("event-2", String.valueOf(summerEvent.id()))
                .param("format-3", "generic").param("event-3", "new").param("title-3", "秋の勉強会")
                .param("startsAt-3", "2024-09-06T19:00")).andReturn().getResponse();
    }

    private MockHttpServletResponse map(String mapping, String name, boolean htmx) throws Exception {
        var request = post(mapping).session(admin).with(csrf()).header("Accept-Language", "en")
                .param("name", name).param("email", "メール").param("identity", "connpass ID")
                .param("identityKind", "connpass").param("status", "状態")
                .param("confirmedValues", "参加").param("waitlistedValues", "補欠").param("cancelledValues", "キャンセル")
                .param("checkedIn", "来場").param("checkedInYes", "○").param("checkedInAt", "受付時刻")
                .param("frame", "枠").param("registeredAt", "申込日時");
        return mvc.perform(htmx ? request.header("HX-Request", "true") : request).andReturn().getResponse();
    }

    @Test
    void aListOfNoKnownSiteIsShownAsNeedingAColumnMappingWithALinkToMapIt() throws Exception {
        String review = reviewWithTwoGenericLists();
        String mapping = review.replace("/review", "/files/2/mapping");

        String en = show(review, "en");
        String ja = show(review, "ja");

        assertThat(row(en, 1)).doesNotContain("needs column mapping");
        assertThat(row(en, 2)).contains("value=\"generic\" selected", "needs column mapping",
                "href=\"" + mapping + "\"", "hx-get=\"" + mapping + "\"", "hx-target=\"#bulk-mapping\"");
        assertThat(row(ja, 3)).contains("列の対応づけが必要です", "列を対応づける");
        assertThat(en).contains("id=\"bulk-mapping\"");
    }

    @Test
    void startingWhileAListIsNotMappedIsRefusedWith422NamingItAndNothingStarts() throws Exception {
        String job = reviewWithTwoGenericLists().replace("/review", "");

        MockHttpServletResponse refused = startWithGenericLists(job);

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("id=\"bulk-errors\"",
                "The file &quot;2024-08-02_受付.csv&quot; is no export of a known site",
                "The file &quot;2024-09-06_受付.csv&quot; is no export of a known site", "needs column mapping");
        assertThat(jobs.runQueued()).isZero();
        assertThat(show(job + "/review", "en")).contains("id=\"bulk-review\"");
    }

    @Test
    void mappingOneListOnItsPageMapsEveryListWithTheSameHeaderAndTheBulkImportsThem() throws Exception {
        String review = reviewWithTwoGenericLists();
        String job = review.replace("/review", "");
        String mapping = job + "/files/2/mapping";

        String en = show(mapping, "en");
        String ja = show(mapping, "ja");
        MockHttpServletResponse mapped = map(mapping, "氏名", false);
        String reviewed = show(review, "en");
        MockHttpServletResponse started = startWithGenericLists(job);
        jobs.runQueued();
        String done = show(job, "en");

        assertThat(en).contains("Which column holds what?", "id=\"mapping-file\">2024-08-02_受付.csv<",
                "<td>山田 太郎</td>", "action=\"" + mapping + "\"", "href=\"" + review + "\"", "Save the mapping",
                "name=\"_csrf\"").doesNotContain("hx-post");
        assertThat(ja).contains("どの列に何が入っていますか", "この対応を保存する");
        assertThat(mapped.getRedirectedUrl()).as(mapped.getContentAsString()).isEqualTo(review);
        assertThat(row(reviewed, 2)).contains("columns mapped", "Change the mapping", ">3<");
        assertThat(row(reviewed, 3)).contains("columns mapped", ">2<");
        assertThat(started.getRedirectedUrl()).as(started.getContentAsString()).isEqualTo(job);
        assertThat(done).contains("3 file(s) imported, 0 file(s) refused, 1 event(s) created.");
        assertThat(registrations.ofEvent(tenant.id(), summerEvent.id())).hasSize(3);
    }

    @Test
    void forHtmxTheMappingStepIsAFragmentAndSavingItAnswersEveryFilesStateOutOfBand() throws Exception {
        String review = reviewWithTwoGenericLists();
        String mapping = review.replace("/review", "/files/3/mapping");

        String step = mvc.perform(get(mapping).session(admin).header("HX-Request", "true")
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();
        MockHttpServletResponse withoutName = map(mapping, "", true);
        MockHttpServletResponse saved = map(mapping, "氏名", true);

        assertThat(step).startsWith("<div id=\"mapping-step\">").doesNotContain("<html")
                .contains("hx-post=\"" + mapping + "\"", "hx-target=\"#mapping-step\"", "id=\"mapping-form\"",
                        "<td>高橋 三郎</td>");
        assertThat(withoutName.getStatus()).isEqualTo(200);
        assertThat(withoutName.getContentAsString()).startsWith("<div id=\"mapping-step\">")
                .contains("id=\"import-problems\"", "The column for &quot;name&quot; must be mapped");
        assertThat(saved.getContentAsString()).contains("id=\"bulk-mapped\"",
                "The columns of 2024-09-06_受付.csv are mapped",
                "id=\"bulk-mapping-2\" hx-swap-oob=\"true\"", "id=\"bulk-mapping-3\" hx-swap-oob=\"true\"",
                "columns mapped").doesNotContain("<html", "needs column mapping");
    }

    @Test
    void aMappingWithoutTheNameIsAskedForAgainWith422AndNothingIsRemembered() throws Exception {
        String review = reviewWithTwoGenericLists();
        String mapping = review.replace("/review", "/files/2/mapping");

        MockHttpServletResponse refused = map(mapping, "", false);

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("id=\"import-problems\"", "id=\"mapping-form\"",
                "The column for &quot;name&quot; must be mapped");
        assertThat(row(show(review, "en"), 2)).contains("needs column mapping");
    }

    @Test
    void theProgressNamesTheRunningFileWithItsStageAndRows() throws Exception {
        String job = reviewOfThreeFiles().replace("/review", "");
        long jobId = Long.parseLong(job.substring(job.lastIndexOf('/') + 1));
        db.update(HISTORY_BULK_JOB).set(HISTORY_BULK_JOB.STATE, "RUNNING").set(HISTORY_BULK_JOB.FILE_AT, 2)
                .set(HISTORY_BULK_JOB.STAGE, "REGISTRATIONS").set(HISTORY_BULK_JOB.FILE_ROWS, 40000)
                .where(HISTORY_BULK_JOB.ID.eq(jobId)).execute();

        String en = mvc.perform(get(job).session(admin).header("HX-Request", "true")
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();
        String ja = show(job, "ja");

        assertThat(en).startsWith("<div id=\"bulk-result\"").contains("File 2 of 3: 2024-08-02_participants.csv",
                "Writing the registrations…", "40,000 rows", "hx-trigger=\"every 1s\"");
        assertThat(ja).contains("ファイル 2 / 3", "申込を書き込んでいます…", "40,000 行");
    }

    @Test
    void staffDiscardAnUploadTheyDoNotWantAndAnotherOrganizationCannot() throws Exception {
        String review = reviewOfThreeFiles();
        String discard = review.replace("/review", "/discard");
        TestTenant other = TestTenant.found(context, "other", "Other");
        MockHttpSession outsider = other.staff(mvc, Role.ORGANIZATION_ADMIN);

        int withoutCsrf = mvc.perform(post(discard).session(admin)).andReturn().getResponse().getStatus();
        int byOutsider = mvc.perform(post(discard.replace(tenant.manage("/"), other.manage("/"))).session(outsider)
                .with(csrf())).andReturn().getResponse().getStatus();
        String offered = show(review, "en");
        var discarded = mvc.perform(post(discard).session(admin).with(csrf())).andReturn();
        int afterwards = mvc.perform(get(review).session(admin)).andReturn().getResponse().getStatus();

        assertThat(withoutCsrf).isEqualTo(403);
        assertThat(byOutsider).isEqualTo(404);
        assertThat(offered).contains("id=\"bulk-discard\"", "action=\"" + discard + "\"", "Discard this upload");
        assertThat(discarded.getResponse().getRedirectedUrl()).isEqualTo(page);
        assertThat(discarded.getFlashMap().get("discarded")).isEqualTo(true);
        assertThat(afterwards).isEqualTo(404);
    }
}
