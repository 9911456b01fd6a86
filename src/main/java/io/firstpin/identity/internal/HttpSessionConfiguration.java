package io.firstpin.identity.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * HTTP sessions in the database (Spring Session JDBC, tables of V66): every instance reads the same sign-ins and CSRF
 * tokens, so a load balancer needs no sticky sessions and losing an instance signs nobody out. Expired sessions are
 * refused when read; their rows are deleted by a db-scheduler task that one instance runs at a time, instead of
 * Spring Session's cron on every instance (spring.session.jdbc.cleanup-cron is off).
 */
@Configuration(proxyBeanMethods = false)
class HttpSessionConfiguration {

    static final String CLEANUP_TASK = "identity-session-cleanup";

    private static final Logger log = LoggerFactory.getLogger(HttpSessionConfiguration.class);

    // H2's upsert; PostgreSQL gets Spring Session's own ON CONFLICT variant
    private static final String H2_UPSERT_ATTRIBUTE = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    @Bean
    RecurringTask<Void> sessionCleanupTask(JdbcIndexedSessionRepository sessions) {
        return Tasks.recurring(CLEANUP_TASK, FixedDelay.of(Duration.ofMinutes(5)))
                .execute((instance, context) -> sessions.cleanUpExpiredSessions());
    }

    /**
     * Two requests of one browser may add the same attribute at once (htmx sends several): an upsert instead of
     * Spring Session's plain insert, which would fail one of them on the primary key.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributeWrites(DSLContext db) {
        if (db.dialect().family() == SQLDialect.POSTGRES) {
            return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        }
        return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
    }

    /**
     * A session written by another version of the application (an upgrade changed a class kept in it) is read as if
     * that attribute were missing: its holder signs in again instead of meeting an error page until it expires.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> unreadableAttributesAreMissing() {
        ClassLoader classLoader = HttpSessionConfiguration.class.getClassLoader();
        DeserializingConverter deserializer = new DeserializingConverter(classLoader);
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (SerializationFailedException e) {
                log.warn("A session attribute could not be read and is ignored: {}",
                        e.getMostSpecificCause().toString());
                return null;
            }
        });
        return repository -> repository.setConversionService(conversions);
    }
}
