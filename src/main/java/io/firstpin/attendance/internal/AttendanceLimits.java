package io.firstpin.attendance.internal;

import io.firstpin.platform.limits.Limit;
import io.firstpin.platform.limits.RequestLimit;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Attendance codes typed on the private page, per client address: a registration is locked after a few wrong codes
 * ({@code AttendanceCodes}), and this keeps one address from trying codes through many registrations.
 */
@Configuration(proxyBeanMethods = false)
class AttendanceLimits {

    @Bean
    RequestLimit attendanceCodesPerAddress() {
        return RequestLimit.of(HttpMethod.POST, "/r/*/attend", Limit.of("attendance-code", 20, Duration.ofMinutes(1)));
    }
}
