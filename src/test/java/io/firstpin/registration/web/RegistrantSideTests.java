package io.firstpin.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The registrant's side of the form and their private page: a refused email gets its link by mail only, every field
 * says what it needs, a full frame says so, cancelling asks first, the waitlist place is said once, the pass shows the
 * 受付番号.
 */
@DatabaseTest
@SpringBootTest(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms"})
@AutoConfigureMockMvc
@DirtiesContext
class RegistrantSideTests {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final Pattern LINK = Pattern.compile("http://firstpin\\.test(/r/r_[A-Za-z0-9_-]+)");
    private static final String LINK_SUBJECT = "申込ページのリンク";

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

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

    private Event studySession(int seats) {
        String slug = "side-" + System.nanoTime();
        var organization = organizations.found(new Slug(slug), "Org");
        var community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 仙台", null, null, "Asia/Tokyo"), null);
        return events.plan(community, new EventDetails("仙台勉強会", null, EventKind.STUDY_SESSION,
                Instant.now().plus(30, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", seats, FrameMode.FIFO, null),
                        new FramePlan(null, "LT枠", 5, FrameMode.FIFO, null)), "一般枠");
    }

    private MockHttpServletRequestBuilder form(Event event, String name, String email, String language) {
        return post("/e/" + event.id() + "/register").with(csrf()).header("Accept-Language", language)
                .param("name", name).param("email", email)
                .param("frame", String.valueOf(events.frames(event.id()).get(0).id()));
    }

    private String register(Event event, String name, String email) throws Exception {
        return mvc.perform(form(event, name, email, "ja")).andReturn().getResponse().getRedirectedUrl();
    }

    private MvcResult askForTheLink(Event event, String email) throws Exception {
        return mvc.perform(post("/e/" + event.id() + "/resend-link").with(csrf()).header("Accept-Language", "ja")
                .param("email", email)).andReturn();
    }

    private static List<ReceivedEmail> linksMailedTo(String address) {
        return TestSmtp.receivedBy(smtp, address).stream().filter(mail -> mail.subject().contains(LINK_SUBJECT))
                .toList();
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    @Test
    void anEmailRegisteredAlreadyIsOfferedItsLinkAgainByMailAndNeverOnThePage() throws Exception {
        Event event = studySession(10);
        String first = register(event, "杜の 太郎", "mori@example.jp");

        MvcResult refused = mvc.perform(form(event, "杜の 太郎", "mori@example.jp", "ja")).andReturn();
        MvcResult asked = askForTheLink(event, "MORI@example.jp ");
        String after = html(mvc.perform(get(asked.getResponse().getRedirectedUrl()).header("Accept-Language", "ja")
                .flashAttr("linkSent", true)).andReturn());

        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(html(refused)).contains("id=\"resend-link-form\"").contains("value=\"mori@example.jp\"")
                .doesNotContain("/r/r_");
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/e/" + event.id() + "/register");
        assertThat(after).contains("id=\"link-sent\"").doesNotContain("/r/r_");
        ReceivedEmail mail = await().atMost(Duration.ofSeconds(20))
                .until(() -> linksMailedTo("mori@example.jp"), found -> !found.isEmpty()).get(0);
        Matcher link = LINK.matcher(mail.text());
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).isNotEqualTo(first);
        assertThat(html(mvc.perform(get(link.group(1)).header("Accept-Language", "ja")).andReturn()))
                .contains("杜の 太郎").contains("参加確定");
    }

    @Test
    void askingForALinkAnswersTheSameWhetherOrNotTheEmailIsRegistered() throws Exception {
        Event event = studySession(10);
        register(event, "青葉 花子", "aoba@example.jp");

        MvcResult known = askForTheLink(event, "aoba@example.jp");
        MvcResult unknown = askForTheLink(event, "nobody@example.jp");
        MvcResult knownByApi = mvc.perform(post("/api/v1/events/" + event.id() + "/registrations/resend-link")
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"aoba@example.jp\"}")).andReturn();
        MvcResult unknownByApi = mvc.perform(post("/api/v1/events/" + event.id() + "/registrations/resend-link")
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"nobody@example.jp\"}")).andReturn();
        MvcResult notAnEmail = askForTheLink(event, "aoba");

        assertThat(unknown.getResponse().getStatus()).isEqualTo(known.getResponse().getStatus()).isEqualTo(302);
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo(known.getResponse().getRedirectedUrl());
        assertThat(Map.copyOf(unknown.getFlashMap())).isEqualTo(Map.copyOf(known.getFlashMap()));
        assertThat(knownByApi.getResponse().getStatus()).isEqualTo(unknownByApi.getResponse().getStatus())
                .isEqualTo(202);
        assertThat(knownByApi.getResponse().getContentAsString()).isEqualTo(unknownByApi.getResponse()
                .getContentAsString()).doesNotContain("r_");
        assertThat(notAnEmail.getResponse().getStatus()).isEqualTo(400);
        assertThat(html(notAnEmail)).contains("正しいメールアドレスを入力してください");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> linksMailedTo("aoba@example.jp").size() == 2);
        assertThat(TestSmtp.receivedBy(smtp, "nobody@example.jp")).isEmpty();
    }

    @Test
    void oneAddressGetsAFewLinksAnHourAtMostHoweverOftenItIsAskedFor() throws Exception {
        Event event = studySession(10);
        register(event, "広瀬 次郎", "hirose@example.jp");

        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(askForTheLink(event, "hirose@example.jp").getResponse().getStatus());
        }

        assertThat(answers).containsOnly(302);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> linksMailedTo("hirose@example.jp").size() == 3);
        Thread.sleep(1500);
        assertThat(linksMailedTo("hirose@example.jp")).hasSize(3);
    }

    @Test
    void eachFieldOfTheFormSaysWhatItNeedsInTheReadersLanguage() throws Exception {
        Event event = studySession(10);

        String japanese = html(mvc.perform(form(event, " ", "", "ja")).andReturn());
        String english = html(mvc.perform(form(event, "", "", "en")).andReturn());
        String badEmail = html(mvc.perform(form(event, "名取 三郎", "natori@", "ja")).andReturn());

        assertThat(japanese).contains("お名前を入力してください。").contains("メールアドレスを入力してください。")
                .doesNotContain("空白は許可されていません");
        assertThat(english).contains("Please enter your name.").contains("Please enter your email address.")
                .doesNotContain("must not be blank");
        assertThat(badEmail).contains("正しいメールアドレスを入力してください(例: name@example.com)。");
    }

    @Test
    void aFullFrameIsMarkedFullOnTheFormAndStillTakesTheWaitlist() throws Exception {
        Event event = studySession(1);
        register(event, "一番 乗り", "first@example.jp");

        String page = html(mvc.perform(get("/e/" + event.id() + "/register").header("Accept-Language", "ja"))
                .andReturn());
        String waitlisted = register(event, "二番 手", "second@example.jp");
        String manage = html(mvc.perform(get(waitlisted).header("Accept-Language", "ja")).andReturn());

        assertThat(page).contains(">一般枠（満席・補欠で申込）</option>").contains(">LT枠</option>")
                .contains("一般枠 は満席です。");
        assertThat(manage).contains("補欠 1 番目");
        assertThat(manage.split("補欠", -1)).as("「補欠」 said once").hasSize(2);
    }

    @Test
    void cancellingFromThePrivatePageAsksFirstAndOnlyTheSecondStepCancels() throws Exception {
        Event event = studySession(10);
        String page = register(event, "泉 四郎", "izumi@example.jp");
        long id = registrations.byToken(page.substring(3)).orElseThrow().id();

        String asked = html(mvc.perform(post(page + "/cancel").with(csrf()).header("Accept-Language", "ja"))
                .andReturn());
        RegistrationStatus afterAsking = registrations.find(id).orElseThrow().status();
        mvc.perform(post(page + "/cancel").with(csrf()).param("confirm", "true"));

        assertThat(asked).contains("申込をキャンセルしますか?").contains("name=\"confirm\" value=\"true\"")
                .contains("id=\"keep-registration\"");
        assertThat(afterAsking).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.find(id).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
    }

    @Test
    void thePassShowsTheReceptionNumberWithWhatItIsFor() throws Exception {
        Event event = studySession(10);
        register(event, "一人目", "one@example.jp");
        String second = register(event, "二人目", "two@example.jp");

        String pass = html(mvc.perform(get(second).header("Accept-Language", "ja")).andReturn());

        assertThat(pass).containsPattern("id=\"reception-number\"[^>]*>\\s*<span>受付番号</span>\\s*<strong>2</strong>")
                .contains("受付でこの番号をお伝えください。");
    }
}
