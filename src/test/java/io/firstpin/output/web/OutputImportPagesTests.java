package io.firstpin.output.web;

import org.springframework.context.ApplicationContext;
import io.firstpin.testing.TestTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.output.Outputs;
import io.firstpin.testing.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The staff page that imports a list of posts, for a study session that is also on connpass. */
@DatabaseTest
@SpringBootTest(properties = {"firstpin.outputs.nudge-enabled=false"})
@AutoConfigureMockMvc
class OutputImportPagesTests {
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Outputs outputs;

    TestTenant tenant;
    Organization organization;
    Event event;
    String page;

    @BeforeEach
    void aStudySessionAlsoOnConnpass() {
        tenant = TestTenant.found(context, "out-import-page", "Firstpin UG");
        organization = tenant.organization();
        Community community = tenant.community();
        event = events.plan(community, new EventDetails("Firstpin UG #12", null, EventKind.STUDY_SESSION,
                OffsetDateTime.parse("2026-05-15T19:00:00+09:00").toInstant(), null, null, true, null,
                Optional.empty(), "https://firstpinug.connpass.com/event/345678/"), List.of(), List.of(), "一般枠");
        page = "/manage/" + organization.slug() + "/communities/" + community.slug() + "/outputs/imports";
    }

    private MockHttpServletResponse upload(MockHttpSession session, String language, String csv) throws Exception {
        return mvc.perform(multipart(page).file(new MockMultipartFile("file", "posts.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8)))
                .session(session).with(csrf()).header("Accept-Language", language))
                .andReturn().getResponse();
    }

    @Test
    void aLeaderImportsPostsAndSeesTheCounts() throws Exception {
        MockHttpSession leader = tenant.staff(mvc, Role.COMMUNITY_LEADER);

        String form = mvc.perform(get(page).session(leader).header("Accept-Language", "ja"))
                .andReturn().getResponse().getContentAsString();
        MockHttpServletResponse imported = upload(leader, "ja", "url,published at,text\n"
                + "https://blog.example.jp/report,2026-05-16 10:00,https://firstpinug.connpass.com/event/345678\n");

        assertThat(form).contains("投稿の取り込み", "multipart/form-data", "url(必須)");
        assertThat(imported.getStatus()).isEqualTo(200);
        assertThat(imported.getContentAsString()).contains("id=\"import-summary\"", "posts.csv(UTF-8 として読み込み)",
                "id=\"summary-linked\">1<");
        assertThat(outputs.ofEvent(organization.id(), event.id())).singleElement()
                .satisfies(entry -> assertThat(entry.link().linkedBy().apiName()).isEqualTo("url"));
    }

    @Test
    void aFileWithProblemsIsShownAsATableWith422AndNothingIsStored() throws Exception {
        MockHttpSession leader = tenant.staff(mvc, Role.COMMUNITY_LEADER);

        MockHttpServletResponse rejected = upload(leader, "en", "url,type\nhttps://blog.example.jp/1,blog\n"
                + "https://blog.example.jp/2,podcast\n");

        assertThat(rejected.getStatus()).isEqualTo(422);
        assertThat(rejected.getContentAsString()).contains("id=\"import-problems\"",
                "The file was not imported: 1 problem(s)", "Nothing was stored.",
                "“podcast” is not a type: use blog, slide, video, social or media.");
        assertThat(outputs.ofEvent(organization.id(), event.id())).isEmpty();
    }

    @Test
    void anotherOrganizationsStaffNeitherSeeThePageNorImport() throws Exception {
        TestTenant other = TestTenant.found(context, "out-import-other", "Other");
        MockHttpSession outsider = other.staff(mvc, Role.ORGANIZATION_ADMIN);

        int status = mvc.perform(get(page).session(outsider)).andReturn().getResponse().getStatus();
        MockHttpServletResponse upload = upload(outsider, "en", "url\nhttps://blog.example.jp/1\n");

        assertThat(status).isEqualTo(404);
        assertThat(upload.getStatus()).isEqualTo(404);
        assertThat(outputs.ofEvent(organization.id(), event.id())).isEmpty();
    }
}
