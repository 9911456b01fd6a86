package io.firstpin.platform.limits;

import static io.firstpin.platform.db.Tables.RATE_LIMIT_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;

@DatabaseTest
@SpringBootTest
class RateLimitsTests {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    RateLimits limits;

    @Autowired
    DataSourceProperties dataSource;

    @Autowired
    DSLContext db;

    @Test
    void aSubjectTakesUpToTheBurstThenWaitsForTheRefill() {
        Limit limit = Limit.of(name(), 3, Duration.ofMinutes(1));

        for (int i = 0; i < 3; i++) {
            assertThat(limits.take(limit, "203.0.113.7").allowed()).isTrue();
        }
        Allowance refused = limits.take(limit, "203.0.113.7");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 20L);
        assertThat(limits.take(limit, "203.0.113.8").allowed()).as("another subject has its own bucket").isTrue();
    }

    @Test
    void checkingTakesNothingAndResetFillsTheBucketAgain() {
        Limit limit = Limit.of(name(), 1, Duration.ofHours(1));

        assertThat(limits.check(limit, "account 7").allowed()).isTrue();
        assertThat(limits.check(limit, "account 7").allowed()).isTrue();
        assertThat(limits.take(limit, "account 7").allowed()).isTrue();
        assertThat(limits.check(limit, "account 7").allowed()).isFalse();

        limits.reset(limit, "account 7");

        assertThat(limits.take(limit, "account 7").allowed()).isTrue();
    }

    @Test
    void twoInstancesOnOneDatabaseShareEachBucketUnderConcurrentRequests() throws Exception {
        Limit limit = new Limit(name(), 10, 1, Duration.ofHours(1));
        try (HikariDataSource other = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build()) {
            RateLimits second = new RateLimits(RateLimitConnections.shared(other), db, Clock.systemUTC());
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Callable<Boolean>> takes = IntStream.range(0, 60).<Callable<Boolean>>mapToObj(i ->
                        () -> (i % 2 == 0 ? limits : second).take(limit, "venue wifi").allowed()).toList();
                List<Boolean> answers = new ArrayList<>();
                for (Future<Boolean> answer : pool.invokeAll(takes)) {
                    answers.add(answer.get());
                }
                assertThat(answers.stream().filter(allowed -> allowed)).hasSize(10);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aLargeLimitCountedByEachInstanceBetweenWritesLetsThroughAtMostAFewMorePerInstance() throws Exception {
        Limit venue = new Limit(name(), 150, 1, Duration.ofHours(1));
        long perInstance = venue.unsyncedTakes();
        assertThat(perInstance).isEqualTo(3);
        try (HikariDataSource other = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build()) {
            RateLimits second = new RateLimits(RateLimitConnections.shared(other), db, Clock.systemUTC());
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Callable<Boolean>> takes = IntStream.range(0, 400).<Callable<Boolean>>mapToObj(i ->
                        () -> (i % 2 == 0 ? limits : second).take(venue, "venue wifi").allowed()).toList();
                long allowed = 0;
                for (Future<Boolean> answer : pool.invokeAll(takes)) {
                    allowed += answer.get() ? 1 : 0;
                }
                assertThat(allowed).isBetween(150L, 150L + 2 * perInstance);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aLargeLimitsBucketRemovedByTheCleanupWhileItsProxyIdledCountsAgainFromFull() {
        MovableClock clock = new MovableClock(Instant.now());
        RateLimits instance = new RateLimits(connections, db, clock);
        Limit venue = Limit.of(name(), 100, Duration.ofMinutes(10));
        for (int i = 0; i < 100; i++) {
            instance.take(venue, "203.0.113.50");
        }
        assertThat(instance.take(venue, "203.0.113.50").allowed()).isFalse();

        clock.advance(Duration.ofHours(1));
        RateLimitCleanup.removeExpired(db, clock);

        assertThat(db.fetchCount(RATE_LIMIT_BUCKET, RATE_LIMIT_BUCKET.ID.startsWith(venue.name() + ":"))).isZero();
        assertThat(instance.take(venue, "203.0.113.50").allowed()).isTrue();
        assertThat(db.fetchCount(RATE_LIMIT_BUCKET, RATE_LIMIT_BUCKET.ID.startsWith(venue.name() + ":")))
                .as("the bucket is shared again").isOne();
    }

    @Test
    void smallLimitsStayExact() {
        assertThat(Limit.of("sign-in", 5, Duration.ofMinutes(10)).unsyncedTakes()).isZero();
        assertThat(Limit.of("registration-email", 10, Duration.ofHours(1)).unsyncedTakes()).isZero();
        assertThat(new Limit("registration", 1000, 60, Duration.ofMinutes(1)).unsyncedTakes()).isEqualTo(20);
    }

    @Autowired
    RateLimitConnections connections;

    @Autowired
    DataSource application;

    @Test
    void onPostgresqlBucketsCommitWithoutWaitingForTheDiskAndTheApplicationStillDoes() {
        if (db.dialect().family() != SQLDialect.POSTGRES) {
            assertThat(connections.dataSource()).isSameAs(application);
            return;
        }
        String setting = "select setting || ' from ' || source from pg_settings where name = 'synchronous_commit'";
        assertThat(connections.hasOwnPool()).isTrue();
        assertThat(DSL.using(connections.dataSource(), db.dialect()).fetchValue(setting)).isEqualTo("off from session");
        assertThat(db.fetchValue(setting).toString()).doesNotEndWith("session");
    }

    @Test
    void bucketsKeepNoSubjectInTheClearAndGoOnceRefilled() {
        Limit limit = new Limit(name(), 2, 2, Duration.ofMillis(200));
        limits.take(limit, "hanako@example.com");

        List<String> keys = db.select(RATE_LIMIT_BUCKET.ID).from(RATE_LIMIT_BUCKET)
                .where(RATE_LIMIT_BUCKET.ID.startsWith(limit.name() + ":")).fetch(RATE_LIMIT_BUCKET.ID);
        assertThat(keys).hasSize(1).noneMatch(key -> key.contains("hanako"));

        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));
        RateLimitCleanup.removeExpired(db, later);

        assertThat(db.fetchCount(RATE_LIMIT_BUCKET, RATE_LIMIT_BUCKET.ID.startsWith(limit.name() + ":"))).isZero();
    }

    @Test
    void aBucketTheCleanupRemovedIsCreatedAgainOnTheNextTake() {
        Limit limit = new Limit(name(), 2, 2, Duration.ofMinutes(1));
        assertThat(limits.take(limit, "198.51.100.4").allowed()).isTrue();
        db.deleteFrom(RATE_LIMIT_BUCKET).where(RATE_LIMIT_BUCKET.ID.startsWith(limit.name() + ":")).execute();

        assertThat(limits.take(limit, "198.51.100.4").allowed()).isTrue();
        assertThat(limits.take(limit, "198.51.100.4").allowed()).isTrue();
        assertThat(limits.take(limit, "198.51.100.4").allowed()).as("the new bucket counts").isFalse();
    }

    @Test
    void aLimitWhoseNumbersChangedAppliesTheNewNumbersToExistingBuckets() {
        String name = name();
        Limit strict = Limit.of(name, 1, Duration.ofHours(1));
        assertThat(limits.take(strict, "address").allowed()).isTrue();
        assertThat(limits.take(strict, "address").allowed()).isFalse();

        Limit relaxed = Limit.of(name, 100, Duration.ofSeconds(1));

        assertThat(limits.take(relaxed, "address").allowed()).isTrue();
    }

    private static String name() {
        return "test-" + NEXT.incrementAndGet();
    }
}
