package io.firstpin.history.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.history.ExportFiles;
import io.firstpin.history.ImportJobs;
import io.firstpin.identity.Role;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
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

@DatabaseTest
@SpringBootTest(properties = "firstpin.history.job-check-interval=1h")
@AutoConfigureMockMvc
class GenericImportPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Events events;
    @Autowired
    ImportJobs jobs;

    TestTenant tenant;
    MockHttpSession admin;

    @BeforeEach
    void aCommunityAndItsAdmin() {
        tenant = TestTenant.found(context, "generic", "Python 勉強会");
        admin = tenant.staff(mvc, Role.ORGANIZATION_ADMIN);
    }

    private String importsOfAnEvent(String startsAt) {
        Event event = events.plan(tenant.community(), new EventDetails("勉強会 " + startsAt, null,
                EventKind.STUDY_SESSION, OffsetDateTime.parse(startsAt).toInstant(), null, null, true, null,
                Optional.empty()), List.of(), List.of(), "一般枠");
        return tenant.manage("/events/" + event.id() + "/imports");
    }

    /** Uploads a generic list; answers the mapping step it leads to. */
    private String uploadGeneric(String page, byte[] content) throws Exception {
        MockHttpServletResponse uploaded = mvc.perform(multipart(page)
                .file(new MockMultipartFile("file", "list.csv", "text/csv", content))
                .param("format", "generic").session(admin).with(csrf())).andReturn().getResponse();
        assertThat(uploaded.getRedirectedUrl()).matches(page + "/jobs/\\d+/mapping");
        return uploaded.getRedirectedUrl();
    }

    private MockHttpServletResponse show(String path, String language) throws Exception {
        return mvc.perform(get(path).session(admin).header("Accept-Language", language)).andReturn().getResponse();
    }

    private MockHttpServletResponse map(String mapping, String name) throws Exception {
        return mvc.perform(post(mapping).session(admin).with(csrf()).header("Accept-Language", "en")
                .param("name", name).param("email", "メール").param("identity", "connpass ID")
                .param("identityKind", "connpass").param("status", "状態")
                .param("confirmedValues", "参加").param("waitlistedValues", "補欠").param("cancelledValues", "キャンセル")
                .param("checkedIn", "来場").param("checkedInYes", "○").param("checkedInAt", "受付時刻")
                .param("frame", "枠").param("registeredAt", "申込日時")).andReturn().getResponse();
    }

    @Test
    void theMappingStepShowsTheHeaderAndFirstRowsWithAGuessInBothLanguages() throws Exception {
        String mapping = uploadGeneric(importsOfAnEvent("2024-05-10T19:00:00+09:00"), ExportFiles.genericList());

        String en = show(mapping, "en").getContentAsString();
        String ja = show(mapping, "ja").getContentAsString();

        assertThat(en).contains("Which column holds what?", "id=\"mapping-preview\"", "<th>氏名</th>",
                "<td>山田 太郎</td>", "<option value=\"氏名\" selected=\"selected\">氏名</option>")
                .doesNotContain("id=\"mapping-remembered\"");
        assertThat(ja).contains("どの列に何が入っていますか", "名前(必須)");
    }

    @Test
    void aMappedListImportsAndTheMappingIsOfferedAgainForTheSameHeader() throws Exception {
        String mapping = uploadGeneric(importsOfAnEvent("2024-05-10T19:00:00+09:00"), ExportFiles.genericList());

        MockHttpServletResponse mapped = map(mapping, "氏名");
        jobs.runQueued();
        String done = show(mapped.getRedirectedUrl(), "en").getContentAsString();
        String next = show(uploadGeneric(importsOfAnEvent("2024-06-14T19:00:00+09:00"),
                ExportFiles.genericListOfTheNextEvent("参加")), "en").getContentAsString();

        assertThat(mapped.getRedirectedUrl()).as(mapped.getContentAsString()).doesNotContain("/mapping");
        assertThat(done).contains("id=\"import-summary\"");
        assertThat(done.replaceAll("\\s+", " ")).contains("Rows</th><td class=\"number\">3</td>");
        assertThat(next).contains("id=\"mapping-remembered\"",
                "<option value=\"受付時刻\" selected=\"selected\">受付時刻</option>", "value=\"○\"");
    }

    @Test
    void aMappingWithoutTheNameIsAskedForAgainAndTheFileKeepsWaiting() throws Exception {
        String mapping = uploadGeneric(importsOfAnEvent("2024-05-10T19:00:00+09:00"), ExportFiles.genericList());

        MockHttpServletResponse refused = map(mapping, "");

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("id=\"import-problems\"", "The column for &quot;name&quot; must be mapped",
                "id=\"mapping-form\"");
        assertThat(jobs.runQueued()).isZero();
        assertThat(show(mapping, "en").getStatus()).isEqualTo(200);
    }

    @Test
    void anotherOrganizationsMappingStepIsNotFound() throws Exception {
        String mapping = uploadGeneric(importsOfAnEvent("2024-05-10T19:00:00+09:00"), ExportFiles.genericList());
        TestTenant other = TestTenant.found(context, "other", "Other");
        MockHttpSession outsider = other.staff(mvc, Role.ORGANIZATION_ADMIN);

        int status = mvc.perform(get(mapping.replace(tenant.manage("/"), other.manage("/"))).session(outsider))
                .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(404);
    }
}
