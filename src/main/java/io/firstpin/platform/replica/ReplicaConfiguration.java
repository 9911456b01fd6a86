package io.firstpin.platform.replica;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code firstpin.replica.url} set, the application's one data source hands read-only transactions
 * ({@code @Transactional(readOnly = true)}: dashboards, KPI and report calls, CSV exports) a connection to the replica
 * and everything else one to the primary. The connection is taken only at the transaction's first statement, once
 * Spring has marked it read-only. Flyway, sessions and every write use the primary. The two pools are not beans of
 * their own, so that the database health and every other user of "the" data source see the routing one only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "firstpin.replica", name = "url")
class ReplicaConfiguration {

    @Bean(destroyMethod = "close")
    Pools replicaPools(DataSourceProperties primaryProperties, ReplicaProperties properties, Environment environment) {
        HikariDataSource primary = primaryProperties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(primary));
        HikariDataSource replica = new HikariDataSource();
        replica.setJdbcUrl(properties.url());
        replica.setUsername(properties.username());
        replica.setPassword(properties.password());
        replica.setReadOnly(true);
        replica.setPoolName("replica");
        replica.setMaximumPoolSize(properties.maximumPoolSize());
        // an unreachable replica must not stop the start: the primary serves until the replica answers
        replica.setInitializationFailTimeout(-1);
        replica.setConnectionTimeout(Math.max(250, properties.catchUpWait().toMillis()));
        return new Pools(primary, replica);
    }

    @Bean
    ReplicaState replicaState(Pools pools, Clock clock) {
        ReplicaState state = new ReplicaState(pools.primary(), pools.replica(), clock);
        state.check();
        return state;
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService replicaChecks(ReplicaState state, ReplicaProperties properties) {
        ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "replica-check");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.probeInterval().toMillis();
        checks.scheduleWithFixedDelay(state::check, interval, interval, TimeUnit.MILLISECONDS);
        return checks;
    }

    @Bean
    ReplicaHealthIndicator replicaHealthIndicator(ReplicaState state) {
        return new ReplicaHealthIndicator(state);
    }

    /** A request's "read what I wrote" mark ends with the request, so that the next one on this thread starts clean. */
    @Bean
    OncePerRequestFilter replicaMarkReset() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } finally {
                    ReplicaReads.forget();
                }
            }
        };
    }

    @Bean
    DataSource dataSource(Pools pools, ReplicaState state, ReplicaProperties properties) {
        LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(pools.primary());
        routing.setReadOnlyDataSource(new ReplicaRouting(pools.primary(), pools.replica(), state,
                properties.catchUpWait()));
        return routing;
    }

    record Pools(HikariDataSource primary, HikariDataSource replica) {

        void close() {
            replica.close();
            primary.close();
        }
    }
}
