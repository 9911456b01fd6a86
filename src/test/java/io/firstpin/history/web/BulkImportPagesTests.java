package io.firstpin.history.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.history.ExportFiles;
import io.firstpin.history.ImportJobs;
import io.firstpin.history.ZipFiles;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.StaffLogin;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@DatabaseTest
@SpringBootTest(properties = "firstpin.history.job-check-interval=1h")
@AutoConfigureMockMvc
class BulkImportPagesTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    ImportJobs jobs;

    Organization organization;
    Community community;
    Event connpassEvent;
    Event summerEvent;
    String page;
    MockHttpSession admin;

    @BeforeEach
    void aCommunityWithTwoPastEventsAndItsAdmin() {
        organization = organizations.found(new Slug("bulk-" + System.nanoTime()), "履歴テスト組織");
        community = communities.start(organization.id(), new Slug("c-" + System.nanoTime()),
                CommunityProfile.of("JAWS-UG 福岡", null, null, "Asia/Tokyo"), null);
        connpassEvent = pastEvent("JAWS-UG 福岡 #42", "2024-05-10T19:00:00+09:00",
                "https://jawsug-fukuoka.connpass.com/event/77/");
        summerEvent = pastEvent("夏の勉強会", "2024-08-02T19:00:00+09:00", null);
        page = "/manage/" + organization.slug() + "/communities/" + community.slug() + "/imports";
        admin = adminOf(organization);
    }

    private Event pastEvent(String title, String startsAt, String onlineUrl) {
        return events.plan(community, new EventDetails(title, null, EventKind.STUDY_SESSION,
                OffsetDateTime.parse(startsAt).toInstant(), null, null, true, onlineUrl, Optional.empty()),
                List.of(), List.of(), "一般枠");
    }

    private MockHttpSession adminOf(Organization of) {
        String email = "admin-" + of.id() + "-" + System.nanoTime() + "@example.com";
        accounts.openWithRole(email, "Staff", PASSWORD, of.id(), Role.ORGANIZATION_ADMIN);
        return StaffLogin.signIn(mvc, email, PASSWORD);
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
        String list = show("/manage/" + organization.slug() + "/communities/" + community.slug() + "/events", "en");

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
        assertThat(registrations.ofEvent(organization.id(), connpassEvent.id())).hasSize(8);
        List<String> titles = events.search(organization.id(), null, Set.of(community.id()), 0, 10).events().stream()
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
        Organization other = organizations.found(new Slug("other-" + System.nanoTime()), "Other");
        MockHttpSession outsider = adminOf(other);

        int pageStatus = mvc.perform(get(page).session(outsider)).andReturn().getResponse().getStatus();
        int reviewStatus = mvc.perform(get(review.replace(organization.slug(), other.slug())).session(outsider))
                .andReturn().getResponse().getStatus();

        assertThat(pageStatus).isIn(403, 404);
        assertThat(reviewStatus).isEqualTo(404);
    }
}
