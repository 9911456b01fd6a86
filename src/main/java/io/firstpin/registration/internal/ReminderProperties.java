package io.firstpin.registration.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When registrants hear from an event before it starts.
 *
 * @param pollInterval how often due reminder rounds are looked for
 * @param reminderBefore the reminder goes this long before the event starts (the day before)
 * @param reconfirmRequestBefore where an event asks for reconfirmation, the request goes this long before it starts
 * @param reconfirmDeadlineBefore and the seats of those who did not answer are released this long before it starts;
 *        before the reminder, so that whoever moves up from the waitlist is reminded too
 */
@ConfigurationProperties("firstpin.reminders")
public record ReminderProperties(@DefaultValue("1m") Duration pollInterval,
        @DefaultValue("24h") Duration reminderBefore,
        @DefaultValue("72h") Duration reconfirmRequestBefore,
        @DefaultValue("30h") Duration reconfirmDeadlineBefore) {

    public ReminderProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("firstpin.reminders.poll-interval must be positive: " + pollInterval);
        }
        if (reconfirmRequestBefore.compareTo(reconfirmDeadlineBefore) <= 0) {
            throw new IllegalArgumentException("firstpin.reminders.reconfirm-request-before must be longer than "
                    + "reconfirm-deadline-before, or nobody has time to answer");
        }
    }
}
