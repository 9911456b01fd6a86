package io.firstpin.history.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.firstpin.attendance.Door;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.history.ExportFiles;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.StaffLogin;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class ImportPagesTests {

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

    Organization organization;
    String page;

    @BeforeEach
    void aStudySessionLastMay() {
        Door door = new Door(organizations, communities, events, registrations);
        organization = door.organization();
        Event event = door.event(organization, OffsetDateTime.parse("2024-05-10T19:00:00+09:00").toInstant(), 100);
        page = "/manage/" + organization.slug() + "/events/" + event.id() + "/imports";
    }

    private MockHttpSession signedIn(Role role) {
        return StaffLogin.newStaff(mvc, accounts, organization, role);
    }

    private MockHttpServletResponse upload(MockHttpSession session, String language, byte[] content)
            throws Exception {
        return mvc.perform(multipart(page).file(new MockMultipartFile("file", "event_42_participants.csv", "text/csv",
                        content))
                .param("format", "connpass").session(session).with(csrf()).header("Accept-Language", language))
                .andReturn().getResponse();
    }

    @Test
    void anAdminUploadsAConnpassExportAndSeesTheCountsAndTheEncoding() throws Exception {
        MockHttpSession admin = signedIn(Role.ORGANIZATION_ADMIN);

        String form = mvc.perform(get(page).session(admin).header("Accept-Language", "ja"))
                .andReturn().getResponse().getContentAsString();
        MockHttpServletResponse imported = upload(admin, "ja", ExportFiles.connpassSavedByExcel());

        assertThat(form).contains("参加者の取り込み", "name=\"format\"", "multipart/form-data");
        assertThat(imported.getStatus()).isEqualTo(200);
        assertThat(imported.getContentAsString()).contains("id=\"import-summary\"",
                "event_42_participants.csv(Shift_JIS (CP932) として読み込み)", "新しいメンバー");
    }

    @Test
    void aBrokenFileIsShownAsATableOfProblemsWith422() throws Exception {
        MockHttpSession admin = signedIn(Role.ORGANIZATION_ADMIN);

        MockHttpServletResponse rejected = upload(admin, "en", ExportFiles.connpassWithBrokenCells());

        assertThat(rejected.getStatus()).isEqualTo(422);
        assertThat(rejected.getContentAsString()).contains("id=\"import-problems\"",
                "The file was not imported: 6 problem(s)", "Read as UTF-8.", "参加ステータス",
                "&quot;昨日の夜&quot; is not a date and time such as 2024-05-10 19:30.");
    }

    @Test
    void aCommunityLeaderMayNotImport() throws Exception {
        MockHttpSession leader = signedIn(Role.COMMUNITY_LEADER);

        assertThat(mvc.perform(get(page).session(leader)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
