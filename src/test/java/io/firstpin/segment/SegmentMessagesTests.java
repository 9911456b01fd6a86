package io.firstpin.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Email to a segment through the outbox and a real SMTP server. Alice and Bob (with email) and Nomail (without)
 * attended last month; staff member Sam (with email) too; Wait (with email) was only waitlisted.
 */
@DatabaseTest
@SpringBootTest(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms"})
@DirtiesContext
class SegmentMessagesTests {

    private static final int SMTP_PORT = TestSmtp.freePort();

    private static final String REFUSED_BODY = "a message without a subject";

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;


    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Members members;
    @Autowired
    Segments segments;
    @Autowired
    SegmentMessages messages;
    @Autowired
    DSLContext db;

    Organization organization;
    String tag;
    MemberSegment lastMonth;

    @BeforeEach
    void aSegmentWithAndWithoutEmailAddresses() {
        tag = "segmsg" + System.nanoTime();
        organization = organizations.found(new Slug(tag), "Org");
        Community community = communities.start(organization.id(), new Slug(tag + "-c"),
                CommunityProfile.of("JAWS-UG 広島", null, null, "Asia/Tokyo"), null);
        CommunityHistory history = new CommunityHistory(db, communities, events, community);
        long alice = withEmail(history.member("Alice"), "alice");
        long bob = withEmail(history.member("Bob"), "bob");
        long nomail = history.member("Nomail");
        long sam = withEmail(history.staffMember("Sam"), "sam");
        long wait = withEmail(history.member("Wait"), "wait");
        history.eventAt(LocalDate.now(ZoneId.of("Asia/Tokyo")).minusMonths(1) + "T19:00", "JP-34", "広島市")
                .checkedIn(alice, bob, nomail, sam).waitlisted(wait);
        lastMonth = segments.create(organization.id(), community.slug(), false, "先月の参加者",
                new SegmentCriteria(1, 3, OutputFilter.ANY, TalkFilter.ANY, null, false));
    }

    private long withEmail(long member, String person) {
        members.addIdentity(organization.id(), member, IdentityInput.email(address(person)));
        return member;
    }

    private String address(String person) {
        return person + "-" + tag + "@example.com";
    }

    private List<ReceivedEmail> mailsTo(String person) {
        return TestSmtp.receivedBy(smtp, address(person));
    }

    @Test
    void oneEmailArrivesForEachMemberWithAnAddressAndTheOthersAreCountedAsSkipped() {
        SegmentMessages.Sent sent = messages.send(organization.id(), lastMonth.id(), "次回のご案内",
                "来月も   お待ちしています。<b>LT</b> 枠あり", "leader@example.com", Locale.JAPANESE);

        assertThat(sent.recipients()).isEqualTo(2);
        assertThat(sent.skipped()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("alice").size() == 1 && mailsTo("bob").size() == 1);
        ReceivedEmail mail = mailsTo("alice").get(0);
        assertThat(mail.subject()).isEqualTo("【JAWS-UG 広島】次回のご案内");
        assertThat(mail.text()).contains("Alice さん", "来月も   お待ちしています。<b>LT</b> 枠あり", "JAWS-UG 広島 の運営から");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                mailsTo("sam").isEmpty() && mailsTo("wait").isEmpty());
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(ReceivedEmail::of).map(ReceivedEmail::to))
                .containsExactlyInAnyOrder(address("alice"), address("bob"));
        assertThat(messages.history(organization.id(), lastMonth.id())).singleElement().satisfies(h -> {
            assertThat(h.recipients()).isEqualTo(2);
            assertThat(h.skipped()).isEqualTo(1);
            assertThat(h.sentBy()).isEqualTo("leader@example.com");
        });
    }

    @Test
    void aMessageWithoutSubjectIsRefusedAndNothingIsQueuedOrRecorded() {
        assertThatThrownBy(() -> messages.send(organization.id(), lastMonth.id(), "  ", REFUSED_BODY,
                "leader@example.com", Locale.ENGLISH)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().get(0).field()).isEqualTo("subject"));

        assertThat(messages.history(organization.id(), lastMonth.id())).isEmpty();
        // mail the other test queued may still arrive; none of it is the refused message
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> Arrays.stream(smtp.getReceivedMessages()).map(ReceivedEmail::of)
                        .noneMatch(mail -> mail.text().contains(REFUSED_BODY)));
    }
}
