package io.firstpin.member.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.firstpin.community.Communities;
import io.firstpin.identity.Role;
import io.firstpin.insight.LadderHistory;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import io.firstpin.testing.TestTenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The staff member list's activity columns and filters over {@link LadderHistory}, where every number is known, on
 * 1 July 2026 (Tokyo): A 4 events 2024-11-10–2025-09-10, output, LT, case study, leads 東京 (organizer); B 4 events
 * to 2025-09-10, case study in 大阪; C 2 events to 2025-05-10, LT, report; D 2 events (大阪 2025-03-10, 東京
 * 2026-01-20), post; E 1 event 2026-01-20; F nothing counted; G leads 大阪 from 2026-02-01, never came; H wrote about
 * t3, never came; I 2 events to 2025-03-10; staff S 2 events to 2025-05-10, leads 東京.
 */
@DatabaseTest
@SpringBootTest(properties = "db-scheduler.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class MemberListFilterTests {

    private static final Pattern ROW = Pattern.compile("<tr data-member=\"(\\d+)\">(.*?)</tr>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Communities communities;
    @Autowired
    DSLContext db;
    @Autowired
    MovableClock clock;

    TestTenant tenant;
    LadderHistory story;
    MockHttpSession session;

    @BeforeEach
    void aCommunityWhoseLadderIsKnownOnTheFirstOfJuly2026() {
        clock.set(Instant.parse("2026-07-01T03:00:00Z"));
        tenant = TestTenant.found(context, "list", "JAWS-UG 東京");
        story = new LadderHistory(db, communities, context, tenant.community());
        session = tenant.staff(mvc, Role.VIEWER);
    }

    @Test
    void eachMemberShowsEventsFirstAndLastVisitOutputsAndLadderStep() throws Exception {
        String page = list("");

        assertThat(cells(page, story.a)).containsExactly("4", "2024-11-10", "2025-09-10", "1", "Organizer");
        assertThat(cells(page, story.b)).containsExactly("4", "2024-11-10", "2025-09-10", "0",
                "Case-study speaker");
        assertThat(cells(page, story.c)).containsExactly("2", "2025-02-10", "2025-05-10", "1", "LT speaker");
        assertThat(cells(page, story.d)).containsExactly("2", "2025-03-10", "2026-01-20", "1", "Output author");
        assertThat(cells(page, story.e)).containsExactly("1", "2026-01-20", "2026-01-20", "0", "Attendee");
        assertThat(cells(page, story.f)).containsExactly("0", "", "", "0", "");
        assertThat(cells(page, story.g)).containsExactly("0", "", "", "0", "Organizer");
        assertThat(cells(page, story.h)).containsExactly("0", "", "", "1", "Output author");
        assertThat(cells(page, story.i)).containsExactly("2", "2025-02-10", "2025-03-10", "0", "Repeater");
        assertThat(cells(page, story.staff)).containsExactly("2", "2025-02-10", "2025-05-10", "0", "Organizer");
    }

    @Test
    void peopleWhoCameThreeTimesOrMoreButNotInTheLastSixMonths() throws Exception {
        assertThat(ids(list("?min=3&notWithin=6"))).containsExactly(story.a, story.b);
    }

    @Test
    void theFirstTimersOfABranchAreCountedInThatBranchAlone() throws Exception {
        String page = list("?community=" + story.osaka.slug() + "&min=1&max=1");

        assertThat(ids(page)).containsExactly(story.a, story.d, story.i);
        assertThat(cells(page, story.a)).containsExactly("1", "2025-09-10", "2025-09-10", "0", "Case-study speaker");
    }

    @Test
    void aCommunityWithItsBranchesListsOnlyItsActiveMembers() throws Exception {
        assertThat(ids(list("?community=" + story.osaka.slug())))
                .containsExactly(story.a, story.b, story.d, story.g, story.i);
    }

    @Test
    void theLadderStepFilterKeepsThoseWhoseHighestStepItIs() throws Exception {
        assertThat(ids(list("?step=OUTPUT_AUTHOR"))).containsExactly(story.d, story.h);
    }

    @Test
    void lastVisitBetweenTwoDaysAndWithinMonthsCombine() throws Exception {
        assertThat(ids(list("?from=2025-05-01&before=2025-06-01"))).containsExactly(story.c, story.staff);
        assertThat(ids(list("?within=12&min=2"))).containsExactly(story.a, story.b, story.d);
    }

    @Test
    void filtersCombineWithTheTextSearch() throws Exception {
        assertThat(ids(list("?step=ORGANIZER"))).containsExactly(story.a, story.g, story.staff);
        assertThat(ids(list("?step=ORGANIZER&q=社員"))).containsExactly(story.staff);
    }

    @Test
    void filtersSurvivePagingInTheLinks() throws Exception {
        CommunityHistory.Held evening = story.history.eventAt("2026-03-01T19:00", "JP-13", "渋谷区");
        for (int n = 0; n < MemberPagesController.PAGE_SIZE + 2; n++) {
            evening.checkedIn(story.history.member(String.format("Z %03d", n)));
        }

        String first = list("?min=1&max=1&within=6");
        String next = link(first, "next");
        String second = list(next.substring(next.indexOf('?')));

        assertThat(first).contains("28 members");
        assertThat(ids(first)).hasSize(MemberPagesController.PAGE_SIZE);
        assertThat(next).contains("min=1").contains("max=1").contains("within=6").contains("page=1");
        assertThat(second).contains("Z 025").contains("Z 026").doesNotContain("Z 000");
        assertThat(ids(second)).hasSize(3);
        assertThat(link(second, "prev")).contains("min=1").doesNotContain("page=");
    }

    @Test
    void anHtmxRequestGetsTheResultsFragmentWithTheFilters() throws Exception {
        MockHttpServletResponse fragment = mvc.perform(get(tenant.manage("/members")).param("step", "REPEATER")
                .header("HX-Request", "true").header("Accept-Language", "en").session(session))
                .andReturn().getResponse();

        assertThat(fragment.getStatus()).isEqualTo(200);
        assertThat(fragment.getContentAsString().strip()).startsWith("<section id=\"results\"")
                .doesNotContain("<html");
        assertThat(ids(fragment.getContentAsString())).containsExactly(story.i);
    }

    @Test
    void aBadFilterValueIsExplainedNotFailed() throws Exception {
        MockHttpServletResponse months = page("?notWithin=abc", "en");
        MockHttpServletResponse crossed = page("?min=5&max=2", "ja");
        MockHttpServletResponse live = mvc.perform(get(tenant.manage("/members?within=-3&step=BOSS"))
                .header("HX-Request", "true").header("Accept-Language", "en").session(session))
                .andReturn().getResponse();

        assertThat(months.getStatus()).isEqualTo(400);
        assertThat(months.getContentAsString()).contains("role=\"alert\"")
                .contains("Not come for (months): enter a whole number of months from 1 to 1200.")
                .doesNotContain("data-member=");
        assertThat(crossed.getStatus()).isEqualTo(400);
        assertThat(crossed.getContentAsString()).contains("「以下」の回数は「以上」の回数より小さくできません。");
        assertThat(live.getStatus()).isEqualTo(200);
        assertThat(live.getContentAsString()).contains("data-field=\"within\"").contains("data-field=\"step\"");
    }

    @Test
    void anotherOrganizationsMembersNeverAppear() throws Exception {
        CommunityHistory their = TestTenant.found(context, "other", "Theirs").history();
        their.eventAt("2025-09-10T19:00", "JP-13", "渋谷区").checkedIn(their.member("Outsider"),
                their.member("A"));

        String all = list("?min=1");
        MockHttpServletResponse foreign = page("?community=" + their.community().slug(), "en");

        assertThat(all).doesNotContain("Outsider");
        assertThat(ids(all)).containsExactly(story.a, story.b, story.c, story.d, story.e, story.i, story.staff);
        assertThat(foreign.getStatus()).isEqualTo(400);
        assertThat(foreign.getContentAsString()).contains("data-field=\"community\"").doesNotContain("Outsider");
    }

    private String list(String query) throws Exception {
        MockHttpServletResponse response = page(query, "en");
        assertThat(response.getStatus()).as(query).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse page(String query, String language) throws Exception {
        MockHttpServletRequestBuilder request = get(tenant.manage("/members") + query)
                .header("Accept-Language", language).session(session);
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Member ids of the rows, in the list's order. */
    private static List<Long> ids(String page) {
        List<Long> ids = new ArrayList<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            ids.add(Long.parseLong(row.group(1)));
        }
        return ids;
    }

    /** The activity cells of the member's row as text: events, first, last, outputs, step. */
    private static List<String> cells(String page, long member) {
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            if (Long.parseLong(row.group(1)) == member) {
                List<String> cells = new ArrayList<>();
                for (String name : List.of("events", "first", "last", "outputs", "step")) {
                    Matcher cell = Pattern.compile("<td class=\"(?:num )?" + name + "\">(.*?)</td>", Pattern.DOTALL)
                            .matcher(row.group(2));
                    cells.add(cell.find() ? cell.group(1).replaceAll("<[^>]+>", "").strip() : null);
                }
                return cells;
            }
        }
        throw new AssertionError("no row for member " + member);
    }

    private static String link(String page, String rel) {
        Matcher link = Pattern.compile("<a[^>]*rel=\"" + rel + "\"[^>]*href=\"([^\"]+)\"").matcher(page);
        assertThat(link.find()).as(rel + " link").isTrue();
        return link.group(1).replace("&amp;", "&");
    }
}
