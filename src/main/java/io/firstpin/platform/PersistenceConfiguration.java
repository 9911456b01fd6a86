package io.firstpin.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.dialect.DialectResolver;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcH2Dialect;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    /**
     * The embedded H2 runs with DATABASE_TO_LOWER so that one schema serves H2 and PostgreSQL; Spring Data JDBC's H2
     * dialect would upper-case the quoted column names, so on H2 it renders them in lower case like on PostgreSQL.
     */
    @Bean
    JdbcDialect jdbcDialect(NamedParameterJdbcOperations operations) {
        JdbcDialect detected = DialectResolver.getDialect(operations.getJdbcOperations());
        return detected instanceof JdbcH2Dialect ? new LowerCaseH2Dialect() : detected;
    }

    private static final class LowerCaseH2Dialect extends JdbcH2Dialect {

        @Override
        public IdentifierProcessing getIdentifierProcessing() {
            return IdentifierProcessing.create(IdentifierProcessing.Quoting.ANSI, IdentifierProcessing.LetterCasing.LOWER_CASE);
        }
    }
}
