package io.firstpin.segment;

import static io.firstpin.platform.db.Tables.EMAIL_OPT_OUT;
import static io.firstpin.platform.db.Tables.EMAIL_PREFERENCE_LINK;
import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE_RECIPIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.community.CommunityProfile;
import io.firstpin.identity.Role;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.MemberMerge;
import io.firstpin.member.MemberMerges;
import io.firstpin.member.Members;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.Secrets;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Unsubscribing from email to segments, one of the member's email preferences, through a real SMTP server, the
 * preferences page and the one-click call. Alice, Bob (both with email) and Nomail (without) attended last month's
 * meetup of JAWS-UG 広島.
 */
@DatabaseTest
@SpringBootTest(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms"})
@AutoConfigureMockMvc
@DirtiesContext
class SegmentOptOutsTests {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final Pattern LINK = Pattern.compile("http://firstpin\\.test/p/(p_[A-Za-z0-9_-]{43})");

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    Members members;
    @Autowired
    MemberMerges merges;
    @Autowired
    Segments segments;
    @Autowired
    SegmentMessages messages;
    @Autowired
    MockMvc mvc;
    @Autowired
    DSLContext db;

    TestTenant tenant;
    String tag;
    CommunityHistory history;
    CommunityHistory.Held lastMeetup;
    MemberSegment lastMonth;
    long alice;
    long bob;

    @BeforeEach
    void lastMonthsAttendeesAsASegment() {
        tenant = TestTenant.found(context, "segout", "AWS Japan",
                CommunityProfile.of("JAWS-UG 広島", null, null, "Asia/Tokyo"));
        tag = tenant.slug();
        history = tenant.history();
        alice = attendee("Alice", "alice");
        bob = attendee("Bob", "bob");
        lastMeetup = lastMonthsMeetup(history).checkedIn(alice, bob, history.member("Nomail"));
        lastMonth = segmentOf(history, "先月の参加者");
    }

    private CommunityHistory.Held lastMonthsMeetup(CommunityHistory in) {
        return in.eventAt(LocalDate.now(ZoneId.of("Asia/Tokyo")).minusMonths(1) + "T19:00", "JP-34", "広島市");
    }

    private MemberSegment segmentOf(CommunityHistory in, String name) {
        return segments.create(in.community().organizationId(), in.community().slug(), false, name,
                new SegmentCriteria(1, 3, OutputFilter.ANY, TalkFilter.ANY, null, false));
    }

    /** A member with an email address, who still needs an attendance to be in the segment. */
    private long attendee(String name, String person) {
        long member = history.member(name);
        members.addIdentity(tenant.id(), member, IdentityInput.email(address(person)));
        return member;
    }

    private String address(String person) {
        return person + "-" + tag + "@example.com";
    }

    private SegmentMessages.Sent send(String subject, Locale locale) {
        return messages.send(tenant.id(), lastMonth.id(), subject, "来月もお待ちしています。", "leader@example.com",
                locale);
    }

    private List<ReceivedEmail> mailsTo(String person) {
        return TestSmtp.receivedBy(smtp, address(person));
    }

    /** The newest email to the person, once it has arrived. */
    private ReceivedEmail mailTo(String person, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(person).size() >= count);
        return mailsTo(person).get(count - 1);
    }

    /** The token of the unsubscribe link in the person's email number {@code count}. */
    private String linkOf(String person, int count) {
        return tokenIn(mailTo(person, count));
    }

    private static String tokenIn(ReceivedEmail email) {
        Matcher link = LINK.matcher(email.text());
        assertThat(link.find()).as("unsubscribe link").isTrue();
        return link.group(1);
    }

    private int oneClick(String token) throws Exception {
        return mvc.perform(post("/api/v1/email-preferences/" + token + "/unsubscribe")
                        .contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
                .andReturn().getResponse().getStatus();
    }

    private long segmentOptOuts(org.jooq.Condition where) {
        return db.fetchCount(EMAIL_OPT_OUT, EMAIL_OPT_OUT.TOPIC.eq("segment-emails").and(where));
    }

    private boolean optedOut(long member) {
        return segments.members(tenant.id(), lastMonth.id()).members().stream()
                .filter(m -> m.id() == member).findFirst().orElseThrow().optedOut();
    }

    private MockHttpServletResponse page(MockHttpServletRequestBuilder request, String language) throws Exception {
        return mvc.perform(request.header("Accept-Language", language)).andReturn().getResponse();
    }

    @Test
    void eachEmailHasItsOwnUnsubscribeLinkInBothLanguagesAndAsOneClickListUnsubscribe() {
        send("次回のご案内", Locale.JAPANESE);
        send("Next time", Locale.ENGLISH);

        mailTo("alice", 2);
        ReceivedEmail japanese = mailsTo("alice").stream().filter(m -> m.subject().contains("次回")).findFirst()
                .orElseThrow();
        ReceivedEmail english = mailsTo("alice").stream().filter(m -> m.subject().contains("Next")).findFirst()
                .orElseThrow();
        String aliceToken = tokenIn(japanese);
        String bobToken = linkOf("bob", 1);

        assertThat(japanese.text()).contains("メール配信の設定（このようなメールの停止）: http://firstpin.test/p/"
                + aliceToken);
        assertThat(english.text()).contains("Your email preferences (stop emails like this one): http://firstpin.test/p/");
        assertThat(japanese.header("List-Unsubscribe"))
                .isEqualTo("<http://firstpin.test/api/v1/email-preferences/" + aliceToken + "/unsubscribe>");
        assertThat(japanese.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(List.of(aliceToken, bobToken, tokenIn(english))).doesNotHaveDuplicates();
        assertThat(db.fetchCount(EMAIL_PREFERENCE_LINK, EMAIL_PREFERENCE_LINK.TOKEN_HASH.eq(aliceToken)))
                .as("only the hash is kept").isZero();
        assertThat(db.fetchSingle(EMAIL_PREFERENCE_LINK,
                EMAIL_PREFERENCE_LINK.TOKEN_HASH.eq(Secrets.hash(aliceToken))))
                .satisfies(link -> assertThat(link.getMemberId()).isEqualTo(alice))
                .satisfies(link -> assertThat(link.getTopic()).isEqualTo("segment-emails"));
    }

    @Test
    void openingTheLinkShowsOneButtonAndUnsubscribesNobody() throws Exception {
        send("次回のご案内", Locale.JAPANESE);
        String token = linkOf("alice", 1);

        MockHttpServletResponse english = page(get("/p/" + token), "en");
        MockHttpServletResponse japanese = page(get("/p/" + token), "ja");

        assertThat(english.getStatus()).isEqualTo(200);
        assertThat(english.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(english.getContentAsString()).contains("id=\"unsubscribe-form\"", "name=\"_csrf\"", "AWS Japan",
                "Emails the organizers send to groups of members", "Stop emails like this one")
                .doesNotContain(address("alice"), "id=\"unsubscribed\"");
        assertThat(japanese.getContentAsString()).contains("このようなメールを停止する");
        assertThat(optedOut(alice)).isFalse();
    }

    @Test
    void theButtonUnsubscribesOnlyWithItsCsrfToken() throws Exception {
        send("次回のご案内", Locale.JAPANESE);
        String token = linkOf("alice", 1);

        int forged = page(post("/p/" + token + "/unsubscribe"), "en").getStatus();
        boolean afterForgery = optedOut(alice);
        MockHttpServletResponse done = page(post("/p/" + token + "/unsubscribe").with(csrf()), "en");
        MockHttpServletResponse again = page(post("/p/" + token + "/unsubscribe").with(csrf()), "ja");

        assertThat(forged).isEqualTo(403);
        assertThat(afterForgery).isFalse();
        assertThat(done.getStatus()).isEqualTo(200);
        assertThat(done.getContentAsString()).contains("id=\"unsubscribed\"", "AWS Japan")
                .doesNotContain("id=\"unsubscribe-form\"", address("alice"));
        assertThat(again.getContentAsString()).contains("停止しました");
        assertThat(optedOut(alice)).isTrue();
        assertThat(optedOut(bob)).isFalse();
    }

    @Test
    void oneClickUnsubscribesAndAskingAgainChangesNothing() throws Exception {
        send("次回のご案内", Locale.JAPANESE);
        String token = linkOf("alice", 1);

        List<Integer> statuses = List.of(oneClick(token), oneClick(token));

        assertThat(statuses).containsExactly(204, 204);
        assertThat(segmentOptOuts(EMAIL_OPT_OUT.MEMBER_ID.eq(alice))).isEqualTo(1);
        assertThat(optedOut(alice)).isTrue();
    }

    @Test
    void anUnknownLinkIsNotFoundAndUnsubscribesNobody() throws Exception {
        send("次回のご案内", Locale.JAPANESE);
        String token = linkOf("alice", 1);
        String guess = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        List<Integer> statuses = List.of(oneClick(guess), oneClick("o_" + token.substring(2)), oneClick("p_"),
                oneClick("p_" + "x".repeat(500)), page(get("/p/" + guess), "en").getStatus(),
                page(post("/p/" + guess + "/unsubscribe").with(csrf()), "en").getStatus(),
                page(post("/p/" + guess).with(csrf()), "en").getStatus(),
                page(get("/s/" + guess + "/unsubscribe"), "en").getStatus());
        MockHttpServletResponse answer = mvc.perform(post("/api/v1/email-preferences/" + guess + "/unsubscribe"))
                .andReturn().getResponse();

        assertThat(statuses).containsOnly(404);
        assertThat(answer.getContentAsString()).doesNotContain(guess);
        assertThat(segmentOptOuts(EMAIL_OPT_OUT.ORGANIZATION_ID.eq(tenant.id()))).isZero();
    }

    @Test
    void aLaterEmailSkipsWhoUnsubscribedAndCountsThemApart() throws Exception {
        send("次回のご案内", Locale.JAPANESE);
        oneClick(linkOf("alice", 1));

        SegmentMessages.Sent later = send("その次のご案内", Locale.JAPANESE);

        assertThat(later.recipients()).isEqualTo(1);
        assertThat(later.skipped()).as("Nomail").isEqualTo(1);
        assertThat(later.optedOut()).isEqualTo(1);
        mailTo("bob", 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> mailsTo("alice").size() == 1);
        assertThat(messages.history(tenant.id(), lastMonth.id()))
                .extracting(SegmentMessages.Sent::subject, SegmentMessages.Sent::recipients,
                        SegmentMessages.Sent::optedOut)
                .containsExactly(tuple("その次のご案内", 1, 1), tuple("次回のご案内", 2, 0));
    }

    @Test
    void whenEveryoneWithAnAddressUnsubscribedNothingIsSent() throws Exception {
        send("次回のご案内", Locale.JAPANESE);
        oneClick(linkOf("alice", 1));
        oneClick(linkOf("bob", 1));

        assertThatThrownBy(() -> send("その次のご案内", Locale.JAPANESE))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("segment.message.nobody"));
        assertThat(messages.history(tenant.id(), lastMonth.id())).hasSize(1);
    }

    @Test
    void staffSeeWhoUnsubscribedOnTheSegmentTheCsvTheConfirmationAndTheHistory() throws Exception {
        send("次回のご案内", Locale.JAPANESE);
        oneClick(linkOf("alice", 1));
        MockHttpSession session = tenant.staff(mvc, Role.COMMUNITY_LEADER);
        String base = tenant.manage("/segments/" + lastMonth.id());

        String detail = page(get(base).session(session), "en").getContentAsString();
        String csv = new String(page(get(base + "/members.csv").session(session), "en").getContentAsByteArray(),
                StandardCharsets.UTF_8);
        String compose = page(get(base + "/email").session(session), "en").getContentAsString();
        String confirm = page(post(base + "/email").session(session).with(csrf()).param("subject", "Again")
                .param("body", "See you."), "en").getContentAsString();
        page(post(base + "/email/send").session(session).with(csrf()).param("subject", "Again")
                .param("body", "See you."), "en");
        String afterSending = page(get(base).session(session), "ja").getContentAsString();

        assertThat(detail).contains("1 of them unsubscribed from email to segments.",
                "class=\"badge opted-out\">Opted out</span>");
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",Quadrant,Opted out");
        assertThat(csv.lines().filter(l -> l.contains(address("alice")))).singleElement()
                .satisfies(line -> assertThat(line).endsWith(",true"));
        assertThat(csv.lines().filter(l -> l.contains(address("bob")))).singleElement()
                .satisfies(line -> assertThat(line).endsWith(",false"));
        assertThat(compose).contains("1 members will receive it; 1 without an email address are skipped.",
                "1 who unsubscribed from email to segments are skipped too.");
        assertThat(confirm).contains("This email goes to 1 members", "1 who unsubscribed", "Send 1 emails");
        assertThat(afterSending).contains("<th class=\"num\">配信停止</th>", "<td class=\"num\">1</td>");
        assertThat(messages.history(tenant.id(), lastMonth.id()).get(0).optedOut()).isEqualTo(1);
    }

    @Test
    void anotherOrganizationNeitherSeesNorInheritsTheOptOut() throws Exception {
        send("次回のご案内", Locale.JAPANESE);
        oneClick(linkOf("alice", 1));
        TestTenant other = TestTenant.found(context, "segout-other", "Other UG");
        CommunityHistory theirs = other.history();
        long sameAlice = theirs.member("Alice");
        members.addIdentity(other.id(), sameAlice, IdentityInput.email(address("alice")));
        lastMonthsMeetup(theirs).checkedIn(sameAlice);
        MemberSegment theirSegment = segmentOf(theirs, "Their attendees");
        MockHttpSession otherStaff = other.staff(mvc, Role.ORGANIZATION_ADMIN);
        String ours = other.manage("/segments/" + lastMonth.id());

        SegmentMessages.Sent sent = messages.send(other.id(), theirSegment.id(), "Hello", "Body", "them@example.com",
                Locale.ENGLISH);

        assertThat(sent.recipients()).isEqualTo(1);
        assertThat(sent.optedOut()).isZero();
        mailTo("alice", 2);
        assertThat(List.of(page(get(ours).session(otherStaff), "en").getStatus(),
                page(get(ours + "/members.csv").session(otherStaff), "en").getStatus()))
                .containsOnly(404);
        assertThat(segments.members(other.id(), theirSegment.id()).optedOut()).isZero();
    }

    @Test
    void aMergedMemberWhoUnsubscribedLeavesTheKeptMemberUnsubscribedAndUndoGivesEachTheirOwn() throws Exception {
        send("次回のご案内", Locale.JAPANESE);
        oneClick(linkOf("alice", 1));
        long aliceAgain = attendee("Alice again", "alice-again");
        lastMeetup.checkedIn(aliceAgain);

        MemberMerge merge = merges.merge(tenant.id(), aliceAgain, alice);
        boolean keptOptedOut = optedOut(aliceAgain);
        SegmentMessages.Sent whileMerged = send("合併後のご案内", Locale.JAPANESE);
        merges.undo(tenant.id(), merge.id());

        assertThat(keptOptedOut).isTrue();
        assertThat(whileMerged.recipients()).as("Bob only").isEqualTo(1);
        assertThat(whileMerged.optedOut()).isEqualTo(1);
        assertThat(optedOut(alice)).isTrue();
        assertThat(optedOut(aliceAgain)).isFalse();
    }

    @Test
    void mergingTwoMembersWhoBothUnsubscribedWorksAndUndoKeepsBoth() throws Exception {
        long aliceAgain = attendee("Alice again", "alice-again");
        lastMeetup.checkedIn(aliceAgain);
        send("次回のご案内", Locale.JAPANESE);
        oneClick(linkOf("alice", 1));
        oneClick(linkOf("alice-again", 1));

        MemberMerge merge = merges.merge(tenant.id(), aliceAgain, alice);
        boolean keptOptedOut = optedOut(aliceAgain);
        merges.undo(tenant.id(), merge.id());

        assertThat(keptOptedOut).isTrue();
        assertThat(optedOut(alice)).isTrue();
        assertThat(optedOut(aliceAgain)).isTrue();
        assertThat(segmentOptOuts(EMAIL_OPT_OUT.ORGANIZATION_ID.eq(tenant.id()))).isEqualTo(2);
    }

    @Test
    void theLinkOfAMergedMemberUnsubscribesTheMemberTheyBecame() throws Exception {
        long aliceAgain = attendee("Alice again", "alice-again");
        lastMeetup.checkedIn(aliceAgain);
        send("次回のご案内", Locale.JAPANESE);
        String oldLink = linkOf("alice", 1);
        merges.merge(tenant.id(), aliceAgain, alice);

        int status = oneClick(oldLink);

        assertThat(status).isEqualTo(204);
        assertThat(optedOut(aliceAgain)).isTrue();
    }

    @Test
    void theLinkOfAnEmailSentBeforeThePreferencesPageStillUnsubscribes() throws Exception {
        long messageId = send("次回のご案内", Locale.JAPANESE).id();
        String oldToken = Secrets.newSecret("s_");
        db.insertInto(SEGMENT_MESSAGE_RECIPIENT)
                .set(SEGMENT_MESSAGE_RECIPIENT.ORGANIZATION_ID, tenant.id())
                .set(SEGMENT_MESSAGE_RECIPIENT.SEGMENT_MESSAGE_ID, messageId)
                .set(SEGMENT_MESSAGE_RECIPIENT.MEMBER_ID, alice)
                .set(SEGMENT_MESSAGE_RECIPIENT.TOKEN_HASH, Secrets.hash(oldToken))
                .execute();

        MockHttpServletResponse done = page(post("/s/" + oldToken + "/unsubscribe").with(csrf()), "en");
        int oneClick = mvc.perform(post("/api/v1/segment-messages/" + oldToken + "/unsubscribe")).andReturn()
                .getResponse().getStatus();

        assertThat(done.getContentAsString()).contains("id=\"unsubscribed\"");
        assertThat(oneClick).isEqualTo(204);
        assertThat(optedOut(alice)).isTrue();
        assertThat(db.select(EMAIL_OPT_OUT.TOPIC).from(EMAIL_OPT_OUT).where(EMAIL_OPT_OUT.MEMBER_ID.eq(alice))
                .fetch(EMAIL_OPT_OUT.TOPIC)).containsExactly("segment-emails");
    }
}
