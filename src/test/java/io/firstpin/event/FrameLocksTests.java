package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.CommunityHistory.Held;
import io.firstpin.testing.DatabaseTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
@SpringBootTest
class FrameLocksTests {

    private static final Instant NOW = Instant.parse("2030-05-01T00:00:00Z");

    @Autowired
    FrameLocks locks;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    DSLContext db;
    @Autowired
    PlatformTransactionManager transactions;

    Held event;

    @BeforeEach
    void aPublishedOnlineEventWithAJoinUrl() {
        String slug = "locks-" + System.nanoTime();
        Organization organization = organizations.found(new Slug(slug), "Locks");
        Community community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        event = new CommunityHistory(db, communities, publisher, community).onlineEventAt("2030-06-01T19:00");
        db.update(EVENT).set(EVENT.STATUS, EventStatus.PUBLISHED.name())
                .set(EVENT.ONLINE_URL, "https://meet.example.com/locks")
                .where(EVENT.ID.eq(event.id())).execute();
    }

    @Test
    void aLockedFrameSaysWhetherItsEventTakesRegistrationsNowAndGivesTheJoinUrl() {
        LockedFrame open = inTransaction(() -> locks.lock(event.frameId(), NOW));
        assertThat(open.registrationOpen()).isTrue();
        assertThat(open.onlineUrl()).isEqualTo("https://meet.example.com/locks");
        assertThat(open.mode()).isEqualTo(FrameMode.FIFO);

        db.update(EVENT).set(EVENT.REGISTRATION_CLOSES_AT, OffsetDateTime.of(2030, 4, 30, 0, 0, 0, 0, ZoneOffset.UTC))
                .where(EVENT.ID.eq(event.id())).execute();
        assertThat(inTransaction(() -> locks.lock(event.frameId(), NOW)).registrationOpen()).isFalse();

        db.update(EVENT).setNull(EVENT.REGISTRATION_CLOSES_AT).set(EVENT.STATUS, EventStatus.CANCELLED.name())
                .where(EVENT.ID.eq(event.id())).execute();
        assertThat(inTransaction(() -> locks.lock(event.frameId(), NOW)).registrationOpen()).isFalse();
    }

    @Test
    void staffCanEditTheEventWhileARegistrationHoldsItsFrame() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> registering = threads.submit(() -> inTransaction(() -> {
                locks.lock(event.frameId(), NOW);
                locked.countDown();
                return release.await(20, TimeUnit.SECONDS);
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            Future<Integer> editing = threads.submit(() -> inTransaction(() -> db.update(EVENT)
                    .set(EVENT.TITLE, "タイトルを直しました").where(EVENT.ID.eq(event.id())).execute()));

            assertThat(editing.get(10, TimeUnit.SECONDS)).as("the event's row is not locked with its frame")
                    .isEqualTo(1);
            release.countDown();
            registering.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdown();
        }
    }

    @Test
    void aFrameThatIsGoneIsNotFound() {
        assertThatThrownBy(() -> inTransaction(() -> locks.lock(-1, NOW))).isInstanceOf(NotFoundException.class);
    }

    private <T> T inTransaction(Callable<T> work) {
        return new TransactionTemplate(transactions).execute(status -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
