package io.firstpin.platform.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the application reaches other sites (members' feeds, link previews).
 *
 * @param allowPrivateNetworks also reach loopback, private and link-local addresses; for tests and intranets only
 *        ({@code FIRSTPIN_OUTBOUND_ALLOW_PRIVATE_NETWORKS})
 * @param connectTimeout how long a connection may take to open
 * @param readTimeout how long one request may take, from sending it to the last byte of the answer
 * @param maxResponseSize a larger answer is dropped unread
 * @param maxRedirects how many redirects one fetch follows
 * @param userAgent sent with every request, so that site owners can tell who fetches their pages
 * @param allowedPorts the only ports fetched from (80 and 443 unless configured); with private networks allowed, any
 * @param proxy an HTTP proxy for every fetch ({@code http://host:port}); none unless configured
 */
@ConfigurationProperties("firstpin.outbound")
public record OutboundProperties(@DefaultValue("false") boolean allowPrivateNetworks,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("5MB") DataSize maxResponseSize,
        @DefaultValue("5") int maxRedirects,
        @DefaultValue("Firstpin (+https://firstpin.io)") String userAgent,
        @DefaultValue({"80", "443"}) Set<Integer> allowedPorts, URI proxy) {

    public OutboundProperties {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("firstpin.outbound timeouts must be positive");
        }
        if (maxResponseSize.toBytes() <= 0 || maxRedirects < 0) {
            throw new IllegalArgumentException("firstpin.outbound.max-response-size must be positive and "
                    + "max-redirects at least 0");
        }
    }

    /** The defaults, with private networks allowed or not. */
    public static OutboundProperties defaults(boolean allowPrivateNetworks) {
        return new OutboundProperties(allowPrivateNetworks, Duration.ofSeconds(5), Duration.ofSeconds(15),
                DataSize.ofMegabytes(5), 5, "Firstpin (+https://firstpin.io)", Set.of(80, 443), null);
    }
}
