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
import io.firstpin.history.ImportJobs;
import io.firstpin.platform.Slug;

@DatabaseTest
@SpringBootTest(properties = {"firstpin.history.background-from=1B", "firstpin.history.job-check-interval=1h"})
@AutoConfigureMockMvc
class ImportJobPagesTests {

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
    String page;
    MockHttpSession admin;

    @BeforeEach
    void aStudySessionLastMayAndItsAdmin() {
        Door door = new Door(organizations, communities, events, registrations);
        organization = door.organization();
        Event event = door.event(organization, OffsetDateTime.parse("2024-05-10T19:00:00+09:00").toInstant(), 100);
        page = "/manage/" + organization.slug() + "/events/" + event.id() + "/imports";
        admin = StaffLogin.newStaff(mvc, accounts, organization, Role.ORGANIZATION_ADMIN);
    }

    private String uploadInTheBackground(byte[] content) throws Exception {
        MockHttpServletResponse queued = mvc.perform(multipart(page).file(new MockMultipartFile("file",
                        "event_42_participants.csv", "text/csv", content))
                .param("format", "connpass").session(admin).with(csrf())).andReturn().getResponse();
        assertThat(queued.getRedirectedUrl()).startsWith(page + "/jobs/");
        return queued.getRedirectedUrl();
    }

    private MockHttpServletResponse look(String job, boolean htmx) throws Exception {
        var request = get(job).session(admin).header("Accept-Language", "en");
        return mvc.perform(htmx ? request.header("HX-Request", "true") : request).andReturn().getResponse();
    }

    @Test
    void aLargeFileImportsInTheBackgroundWhileThePageShowsItsProgressThenItsCounts() throws Exception {
        String job = uploadInTheBackground(ExportFiles.connpassStudySession());

        String waiting = look(job, false).getContentAsString();
        String polled = look(job, true).getContentAsString();
        int ran = jobs.runQueued();
        String done = look(job, true).getContentAsString();

        assertThat(waiting).contains("id=\"import-progress\"", "hx-trigger=\"every 1s\"", "<progress");
        assertThat(polled).startsWith("<div id=\"import-result\"").doesNotContain("<html");
        assertThat(ran).isPositive();
        assertThat(jobs.runQueued()).isZero();
        assertThat(done).contains("id=\"import-summary\"").doesNotContain("hx-trigger").doesNotContain("<progress");
    }

    @Test
    void aBrokenFileInTheBackgroundEndsWithEveryProblemAndNothingStored() throws Exception {
        String job = uploadInTheBackground(ExportFiles.connpassWithBrokenCells());

        jobs.runQueued();
        String done = look(job, false).getContentAsString();

        assertThat(done).contains("id=\"import-problems\"", "The file was not imported: 6 problem(s)", "参加ステータス");
        assertThat(registrations.ofEvent(organization.id(),
                Long.parseLong(page.replaceAll(".*/events/(\\d+)/imports", "$1")))).isEmpty();
    }

    @Test
    void anotherOrganizationsJobIsNotFound() throws Exception {
        String job = uploadInTheBackground(ExportFiles.connpassStudySession());
        Organization other = organizations.found(new Slug("other-" + System.nanoTime()), "Other");
        MockHttpSession outsider = StaffLogin.newStaff(mvc, accounts, other, Role.ORGANIZATION_ADMIN);

        int status = mvc.perform(get(job.replace(organization.slug(), other.slug())).session(outsider))
                .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(404);
    }
}
