package io.firstpin.attendance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When attendees may check themselves in with the attendance code, and how hard guessing it is.
 *
 * @param codeOpensBeforeStart the code is taken from this long before the event starts (people come early)
 * @param codeClosesAfterEnd ... until this long after it ends
 * @param maxWrongCodes wrong codes a registration may enter before it is locked
 * @param lockout how long it then stays locked
 */
@ConfigurationProperties("firstpin.attendance")
record AttendanceSettings(@DefaultValue("1h") Duration codeOpensBeforeStart, @DefaultValue("0s") Duration codeClosesAfterEnd,
        @DefaultValue("5") int maxWrongCodes, @DefaultValue("10m") Duration lockout) {
}
