package io.firstpin.identity.internal;

import io.firstpin.platform.limits.Limit;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard guessing passwords is made (firstpin.sign-in.*). Buckets live in the database, so every instance counts
 * together.
 *
 * @param requestsPerAddress sign-in and reset requests per client address per 10 minutes, failed or not
 * @param failuresPerAccount failed sign-ins of one email before it is locked; after that one more try per
 *        {@code lockout}, and the account's owner is emailed once per lock
 * @param failuresPerAddress failed sign-ins from one address before it is refused; one more per {@code lockout}/10
 * @param lockout see above
 */
@ConfigurationProperties("firstpin.sign-in")
record SignInProperties(@DefaultValue("60") int requestsPerAddress, @DefaultValue("10") int failuresPerAccount,
        @DefaultValue("30") int failuresPerAddress, @DefaultValue("15m") Duration lockout) {

    Limit requests() {
        return new Limit("sign-in-address", requestsPerAddress, requestsPerAddress, Duration.ofMinutes(10));
    }

    Limit accountFailures() {
        return new Limit("sign-in-account-failures", failuresPerAccount, 1, lockout);
    }

    Limit addressFailures() {
        return new Limit("sign-in-address-failures", failuresPerAddress, 1, lockout.dividedBy(10));
    }

    Limit resetRequests() {
        return new Limit("password-reset-address", Math.max(1, requestsPerAddress / 6), Math.max(1,
                requestsPerAddress / 6), Duration.ofMinutes(10));
    }
}
