package io.firstpin.attendance.web;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.attendance.AttendanceCodes;
import io.firstpin.attendance.CheckInPasses;
import io.firstpin.attendance.Door;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.StaffLogin;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class CheckInDeskPagesTests {

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
    CheckInPasses passes;
    @Autowired
    AttendanceCodes attendanceCodes;
    @Autowired
    DSLContext db;

    Door door;
    Organization organization;
    Event event;
    Registration ichiro;
    String desk;

    @BeforeEach
    void anEventNextWeekWithTwoSeatsTakenAndOneWaiting() {
        door = new Door(organizations, communities, events, registrations);
        organization = door.organization();
        event = door.event(organization, Instant.now().plus(Duration.ofDays(7)), 2);
        ichiro = door.register(event, "名古屋 一郎").registration();
        door.register(event, "栄 二郎");
        door.register(event, "補欠 三郎");
        desk = "/manage/" + organization.slug() + "/events/" + event.id() + "/checkin";
    }

    private MockHttpSession signedIn(Organization in, Role role) {
        return StaffLogin.newStaff(mvc, accounts, in, role);
    }

    private MockHttpServletRequestBuilder htmxPost(String path, MockHttpSession session) {
        return post(path).session(session).with(csrf()).header("HX-Request", "true").header("Accept-Language", "ja");
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private String codeOf(Registration registration) {
        return passes.of(registration, event).code();
    }

    private int checkedIn() {
        return db.fetchCount(ATTENDANCE, ATTENDANCE.EVENT_ID.eq(event.id()));
    }

    @Test
    void aLeaderChecksInByCodeAndByNameAndUndoesWhileTheCounterFollows() throws Exception {
        MockHttpSession leader = signedIn(organization, Role.COMMUNITY_LEADER);

        String page = html(get(desk).session(leader).header("Accept-Language", "ja"));
        MockHttpServletResponse scanned = mvc.perform(htmxPost(desk + "/code", leader)
                .param("code", codeOf(ichiro)).param("method", "QR")).andReturn().getResponse();
        String again = html(htmxPost(desk + "/code", leader).param("code", codeOf(ichiro)));
        String counted = html(get(desk + "/progress").session(leader).header("Accept-Language", "ja"));
        String found = html(get(desk + "/search").param("q", "一郎").session(leader).header("Accept-Language", "ja"));
        String byKanji = html(get(desk + "/search").param("q", "名古屋　一郎").session(leader).header("Accept-Language", "ja"));
        String undone = html(htmxPost(desk + "/registrations/" + ichiro.id() + "/undo", leader));
        String afterUndo = html(get(desk + "/progress").session(leader).header("Accept-Language", "ja"));
        String byName = html(htmxPost(desk + "/registrations/" + ichiro.id(), leader));

        assertThat(page).contains("参加確定 2 人中 0 人が受付済み").contains("名古屋 一郎").contains("栄 二郎")
                .doesNotContain("補欠 三郎").contains("id=\"scan-start\"")
                .containsPattern("/webjars/html5-qrcode/[0-9.]+/html5-qrcode.min.js").contains("/js/checkin.js")
                .contains(attendanceCodes.current(organization.id(), event.id()).code());
        assertThat(scanned.getStatus()).isEqualTo(200);
        assertThat(scanned.getHeader("HX-Trigger")).isEqualTo("checkin-changed");
        assertThat(scanned.getContentAsString()).contains("受付しました: 名古屋 一郎 さん（一般枠）")
                .contains("data-kind=\"CHECKED_IN\"");
        assertThat(again).contains("名古屋 一郎 さんは").contains("に受付済みです");
        assertThat(counted).contains("参加確定 2 人中 1 人が受付済み");
        assertThat(found).contains("名古屋 一郎").doesNotContain("栄 二郎")
                .as("opened without htmx, the search is a whole page").contains("<html", "class=\"site-header\"");
        assertThat(byKanji).contains("名古屋 一郎").contains("QR コード").contains("取り消す").doesNotContain("栄 二郎");
        assertThat(undone).contains("名古屋 一郎 さんの受付を取り消しました");
        assertThat(afterUndo).contains("参加確定 2 人中 0 人が受付済み");
        assertThat(byName).contains("受付しました: 名古屋 一郎 さん（一般枠）");
        assertThat(db.select(ATTENDANCE.METHOD).from(ATTENDANCE).where(ATTENDANCE.EVENT_ID.eq(event.id()))
                .fetch(ATTENDANCE.METHOD)).containsExactly("STAFF");
    }

    @Test
    void theDeskFindsSomeoneByTheReceptionNumberTheyTellNotByTheDatabaseId() throws Exception {
        MockHttpSession leader = signedIn(organization, Role.COMMUNITY_LEADER);
        Registration jiro = registrations.ofEvent(organization.id(), event.id()).get(1).registration();

        String byNumber = html(get(desk + "/search").param("q", "２").session(leader).header("Accept-Language", "ja"));
        String byId = html(get(desk + "/search").param("q", String.valueOf(jiro.id())).session(leader)
                .header("Accept-Language", "ja"));

        assertThat(jiro.receptionNumber()).isEqualTo(2);
        assertThat(byNumber).contains("栄 二郎").contains("受付番号 2").doesNotContain("名古屋 一郎");
        assertThat(byId.contains("栄 二郎")).as("found by id only where it is the number too").isEqualTo(jiro.id() == 2);
    }

    @Test
    void theScannerLibraryAndScriptAreServed() throws Exception {
        MockHttpServletResponse library = mvc.perform(get("/webjars/html5-qrcode/html5-qrcode.min.js")).andReturn()
                .getResponse();
        MockHttpServletResponse script = mvc.perform(get("/js/checkin.js")).andReturn().getResponse();

        assertThat(library.getStatus()).isEqualTo(200);
        assertThat(library.getContentAsString()).contains("Html5Qrcode");
        assertThat(script.getStatus()).isEqualTo(200);
        assertThat(script.getContentAsString()).contains("new Html5Qrcode('scanner')");
    }

    @Test
    void waitlistedForeignAndMistypedCodesAreAnsweredNotFailed() throws Exception {
        MockHttpSession leader = signedIn(organization, Role.ORGANIZATION_ADMIN);
        Organization other = door.organization();
        Event foreignEvent = door.event(other, Instant.now().plus(Duration.ofDays(7)), 5);
        Registration foreigner = door.register(foreignEvent, "他組織 四郎").registration();

        // 一郎 got a QR code, cancelled (三郎 took the seat) and applied again: now he waits, and his old QR says so
        String ichirosCode = codeOf(ichiro);
        registrations.cancelByStaff(organization.id(), ichiro.id());
        door.register(event, "名古屋 一郎", ichiro.email());

        String notConfirmed = html(htmxPost(desk + "/code", leader).param("code", ichirosCode).param("method", "QR"));
        String foreign = html(htmxPost(desk + "/code", leader)
                .param("code", passes.of(foreigner, foreignEvent).code()).param("method", "QR"));
        String garbage = html(htmxPost(desk + "/code", leader).param("code", "<script>alert(1)</script>"));
        String notHere = html(htmxPost(desk + "/registrations/" + foreigner.id(), leader));

        assertThat(notConfirmed).contains("参加確定ではありません: 名古屋 一郎 さんは「補欠」です");
        assertThat(foreign).contains("不明なコードです").doesNotContain("他組織 四郎");
        assertThat(garbage).contains("不明なコードです").doesNotContain("<script>");
        assertThat(notHere).contains("不明なコードです");
        assertThat(db.fetchCount(ATTENDANCE, ATTENDANCE.EVENT_ID.in(event.id(), foreignEvent.id()))).isZero();
    }

    @Test
    void aViewerLooksButCannotCheckIn() throws Exception {
        MockHttpSession viewer = signedIn(organization, Role.VIEWER);

        String page = html(get(desk).session(viewer).header("Accept-Language", "en"));
        int byCode = status(htmxPost(desk + "/code", viewer).param("code", codeOf(ichiro)));
        int byName = status(htmxPost(desk + "/registrations/" + ichiro.id(), viewer));
        int walkIn = status(htmxPost(desk + "/walk-in", viewer).param("name", "X").param("email", "x@example.com"));
        int reissue = status(htmxPost(desk + "/attendance-code", viewer));

        assertThat(page).contains("0 of 2 confirmed checked in").contains("only community leaders check people in")
                .contains("名古屋 一郎").doesNotContain("id=\"scan-start\"").doesNotContain("class=\"primary check-in\"")
                .doesNotContain("walk-in-form").doesNotContain("reissue-code");
        assertThat(byCode).isEqualTo(403);
        assertThat(byName).isEqualTo(403);
        assertThat(walkIn).isEqualTo(403);
        assertThat(reissue).isEqualTo(403);
        assertThat(checkedIn()).isZero();
    }

    @Test
    void anotherOrganizationsStaffFindNothing() throws Exception {
        Organization other = door.organization();
        MockHttpSession outsider = signedIn(other, Role.ORGANIZATION_ADMIN);
        String throughTheirOwn = "/manage/" + other.slug() + "/events/" + event.id() + "/checkin";

        assertThat(status(get(desk).session(outsider))).isEqualTo(404);
        assertThat(status(get(throughTheirOwn).session(outsider))).isEqualTo(404);
        assertThat(status(get(throughTheirOwn + "/search").param("q", "名古屋").session(outsider))).isEqualTo(404);
        assertThat(status(htmxPost(throughTheirOwn + "/code", outsider).param("code", codeOf(ichiro)))).isEqualTo(404);
        assertThat(status(htmxPost(throughTheirOwn + "/registrations/" + ichiro.id(), outsider))).isEqualTo(404);
        assertThat(status(htmxPost(desk + "/registrations/" + ichiro.id(), outsider))).isEqualTo(404);
        assertThat(checkedIn()).isZero();
    }

    @Test
    void checkingInNeedsTheCsrfToken() throws Exception {
        MockHttpSession leader = signedIn(organization, Role.COMMUNITY_LEADER);

        int withoutToken = status(post(desk + "/code").session(leader).header("HX-Request", "true")
                .param("code", codeOf(ichiro)));
        int undoWithoutToken = status(post(desk + "/registrations/" + ichiro.id() + "/undo").session(leader));

        assertThat(withoutToken).isEqualTo(403);
        assertThat(undoWithoutToken).isEqualTo(403);
        assertThat(checkedIn()).isZero();
    }

    @Test
    void aWalkInIsCheckedInOrToldTheFrameIsFull() throws Exception {
        MockHttpSession leader = signedIn(organization, Role.COMMUNITY_LEADER);
        Event roomy = door.event(organization, Instant.now().plus(Duration.ofDays(7)), 10);
        String roomyDesk = "/manage/" + organization.slug() + "/events/" + roomy.id() + "/checkin";
        String frame = String.valueOf(events.frames(roomy.id()).get(0).id());

        MockHttpServletResponse admitted = mvc.perform(htmxPost(roomyDesk + "/walk-in", leader)
                .param("name", "当日 五郎").param("email", "goro@example.com").param("frame", frame)).andReturn()
                .getResponse();
        String twice = html(htmxPost(roomyDesk + "/walk-in", leader)
                .param("name", "当日 五郎").param("email", "goro@example.com").param("frame", frame));
        String badEmail = html(htmxPost(roomyDesk + "/walk-in", leader)
                .param("name", "当日 六郎").param("email", "not-an-email").param("frame", frame));
        String full = html(htmxPost(desk + "/walk-in", leader).param("name", "当日 七郎")
                .param("email", "shichiro@example.com")
                .param("frame", String.valueOf(events.frames(event.id()).get(0).id())));

        assertThat(admitted.getContentAsString()).contains("受付しました: 当日 五郎 さん（一般枠）");
        assertThat(admitted.getHeader("HX-Trigger")).isEqualTo("checkin-changed, walk-in-registered");
        assertThat(twice).contains("既にこのイベントに申し込まれています。上の検索で名前から探してください");
        assertThat(badEmail).contains("メールアドレス: 正しいメールアドレスを入力してください");
        assertThat(full).contains("一般枠 は満席です。当日 七郎 さんは補欠 2 番目として申し込まれ");
        assertThat(db.select(ATTENDANCE.METHOD).from(ATTENDANCE).where(ATTENDANCE.EVENT_ID.eq(roomy.id()))
                .fetch(ATTENDANCE.METHOD)).containsExactly("WALK_IN");
        assertThat(checkedIn()).isZero();
    }

    @Test
    void withoutJavaScriptTheFormsPostAndComeBackToThePage() throws Exception {
        MockHttpSession leader = signedIn(organization, Role.COMMUNITY_LEADER);

        MvcResult posted = mvc.perform(post(desk + "/code").session(leader).with(csrf())
                .param("code", codeOf(ichiro))).andReturn();
        String page = html(get(posted.getResponse().getRedirectedUrl()).session(leader).header("Accept-Language", "en"));
        String fresh = html(get(desk).session(leader).header("Accept-Language", "en"));

        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo(desk);
        assertThat(page).contains("Checked in: 名古屋 一郎 (一般枠)").contains("1 of 2 confirmed checked in");
        assertThat(fresh).doesNotContain("Checked in: 名古屋 一郎");
    }

    @Test
    void aLeaderIssuesANewAttendanceCode() throws Exception {
        MockHttpSession leader = signedIn(organization, Role.COMMUNITY_LEADER);
        String old = attendanceCodes.current(organization.id(), event.id()).code();

        String fragment = html(htmxPost(desk + "/attendance-code", leader));

        String fresh = attendanceCodes.current(organization.id(), event.id()).code();
        assertThat(fragment).contains("id=\"attendance-code\"").contains(fresh).contains("新しいコードを発行");
        assertThat(fresh).matches("\\d{6}");
        assertThat(old).matches("\\d{6}");
    }
}
