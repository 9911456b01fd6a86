package io.firstpin.attendance.web;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.attendance.AttendanceCodes;
import io.firstpin.attendance.CheckInCode;
import io.firstpin.attendance.Door;
import io.firstpin.testing.QrDecoding;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.registration.Registered;
import io.firstpin.registration.RegistrantActions;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.HtmxPage;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The registrant's private page: their QR code, and checking in with the attendance code. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class AttendeeCheckInPagesTests {

    private static final Pattern INLINE_SVG = Pattern.compile("<div id=\"checkin-qr\"[^>]*>(<svg.*?</svg>)</div>");
    private static final Pattern SHOWN_CODE = Pattern.compile("id=\"checkin-code\">コード: ([A-Z2-7-]+)<");

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
    RegistrantActions registrant;
    @Autowired
    AttendanceCodes attendanceCodes;
    @Autowired
    DSLContext db;

    private Door door() {
        return new Door(organizations, communities, events, registrations);
    }

    private String page(String token, String language) throws Exception {
        MockHttpServletResponse response = HtmxPage.fetch(mvc, "/r/" + token, language);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** Posts the attendance code as htmx does, and gets the pass back in place with the answer. */
    private String attend(String token, String code) throws Exception {
        MockHttpServletResponse answered = mvc.perform(post("/r/" + token + "/attend").with(csrf())
                .header("HX-Request", "true").header("Accept-Language", "ja").param("code", code)).andReturn()
                .getResponse();
        assertThat(answered.getStatus()).isEqualTo(200);
        return answered.getContentAsString();
    }

    @Test
    void aConfirmedRegistrantSeesTheirQrCodeInlineAndAsAnImageAndBothReadBackAsTheCode() throws Exception {
        Door door = door();
        Event event = door.event(door.organization(), Instant.now().plus(Duration.ofDays(7)), 5);
        Registered seated = door.register(event, "博多 花子");

        String html = page(seated.manageToken(), "ja");
        MockHttpServletResponse image = mvc.perform(get("/r/" + seated.manageToken() + "/qr.svg")).andReturn()
                .getResponse();

        Matcher inline = INLINE_SVG.matcher(html);
        Matcher shown = SHOWN_CODE.matcher(html);
        assertThat(inline.find()).as(html).isTrue();
        assertThat(shown.find()).isTrue();
        String code = CheckInCode.parse(shown.group(1)).orElseThrow();
        assertThat(html).contains("受付用 QR コード").contains("/r/" + seated.manageToken() + "/qr.svg");
        assertThat(QrDecoding.decode(inline.group(1))).isEqualTo(code);
        assertThat(seated.manageToken()).doesNotContain(code);
        assertThat(image.getStatus()).isEqualTo(200);
        assertThat(image.getContentType()).startsWith("image/svg+xml");
        assertThat(image.getHeader("Cache-Control")).contains("no-store");
        assertThat(image.getContentAsString()).isEqualTo(inline.group(1));
        assertThat(QrDecoding.decode(image.getContentAsString())).isEqualTo(code);
    }

    @Test
    void waitlistedAndCancelledRegistrationsShowNoQrCode() throws Exception {
        Door door = door();
        Event event = door.event(door.organization(), Instant.now().plus(Duration.ofDays(7)), 1);
        Registered seated = door.register(event, "A");
        Registered waiting = door.register(event, "B");

        String waitingPage = page(waiting.manageToken(), "en");
        int waitingImage = mvc.perform(get("/r/" + waiting.manageToken() + "/qr.svg")).andReturn().getResponse()
                .getStatus();
        registrant.cancelWithToken(seated.manageToken());
        // the cancellation gave B the seat: now B has a QR code and A has none
        int cancelledImage = mvc.perform(get("/r/" + seated.manageToken() + "/qr.svg")).andReturn().getResponse()
                .getStatus();
        String promotedPage = page(waiting.manageToken(), "en");

        assertThat(waitingPage).contains("#1 on the waitlist").doesNotContain("checkin-pass").doesNotContain("<svg");
        assertThat(waitingImage).isEqualTo(404);
        assertThat(cancelledImage).isEqualTo(404);
        assertThat(page(seated.manageToken(), "en")).doesNotContain("<svg");
        assertThat(promotedPage).contains("Your check-in QR code").contains("<svg");
        assertThat(mvc.perform(get("/r/r_not-a-token/qr.svg")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void anAttendeeChecksInWithTheAttendanceCodeShownAtTheVenue() throws Exception {
        Door door = door();
        Organization organization = door.organization();
        Event event = door.event(organization, Instant.now().plus(Duration.ofMinutes(10)), 5);
        Registered seated = door.register(event, "出席 太郎");
        String code = attendanceCodes.current(organization.id(), event.id()).code();
        String wrong = code.equals("111111") ? "222222" : "111111";

        String before = page(seated.manageToken(), "ja");
        String missed = attend(seated.manageToken(), wrong);
        int withoutToken = mvc.perform(post("/r/" + seated.manageToken() + "/attend").param("code", code)).andReturn()
                .getResponse().getStatus();
        String welcomed = attend(seated.manageToken(), code);
        String later = page(seated.manageToken(), "en");

        assertThat(before).contains("会場に着いたら: 出席コードを入力").contains("id=\"attend-form\"");
        assertThat(missed).contains("出席コードが違います。あと 4 回入力できます。");
        assertThat(withoutToken).isEqualTo(403);
        assertThat(welcomed).contains("受付しました。ようこそ！").doesNotContain("id=\"attend-form\"");
        assertThat(later).contains("You checked in at").doesNotContain("id=\"attend-form\"");
        assertThat(db.select(ATTENDANCE.METHOD).from(ATTENDANCE).where(ATTENDANCE.EVENT_ID.eq(event.id()))
                .fetch(ATTENDANCE.METHOD)).containsExactly("CODE");
    }

    @Test
    void withoutScriptThePassIsALinkAndTheCodeIsAnsweredOnThePassOwnPage() throws Exception {
        Door door = door();
        Organization organization = door.organization();
        Event event = door.event(organization, Instant.now().plus(Duration.ofMinutes(10)), 5);
        Registered seated = door.register(event, "台本なし 次郎");
        String token = seated.manageToken();
        String code = attendanceCodes.current(organization.id(), event.id()).code();

        String bare = mvc.perform(get("/r/" + token).header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString();
        MvcResult posted = mvc.perform(post("/r/" + token + "/attend").with(csrf()).param("code", code)).andReturn();
        String answered = mvc.perform(get(posted.getResponse().getRedirectedUrl()).flashAttrs(posted.getFlashMap())
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();

        assertThat(bare).contains("href=\"/r/" + token + "/checkin\"").doesNotContain("<svg");
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/r/" + token + "/checkin");
        assertThat(answered).contains("<html").contains("Welcome!").contains("Back to my registration")
                .contains("<svg");
    }

    @Test
    void beforeTheEventTheCodeFormIsNotOfferedAndAPostIsRefused() throws Exception {
        Door door = door();
        Organization organization = door.organization();
        Event event = door.event(organization, Instant.now().plus(Duration.ofDays(7)), 5);
        Registered seated = door.register(event, "早すぎ 花子");
        String code = attendanceCodes.current(organization.id(), event.id()).code();

        String html = page(seated.manageToken(), "en");
        String refused = attend(seated.manageToken(), code);

        assertThat(html).contains("You can check in with the attendance code from").doesNotContain("id=\"attend-form\"");
        assertThat(refused).contains("現在は出席コードでの受付時間外です");
        assertThat(db.fetchCount(ATTENDANCE, ATTENDANCE.EVENT_ID.eq(event.id()))).isZero();
        assertThat(mvc.perform(post("/r/r_not-a-token/attend").with(csrf()).param("code", code)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }
}
