package io.firstpin.output;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A member's blog feed (RSS or Atom) and how polling it goes: the validators for a conditional GET, and after failures
 * a wait that doubles each time, up to a limit, so that a site that is down is not hammered.
 */
@Table("member_feed")
public class MemberFeed {

    static final int MAX_ERROR = 500;

    @Id
    private Long id;
    private final long organizationId;
    private final long memberId;
    private final String url;
    private final String normalizedUrl;
    private String etag;
    private String lastModified;
    private Instant nextPollAt;
    private Instant lastPolledAt;
    private Instant lastSuccessAt;
    private int failures;
    private String lastError;
    private final Instant createdAt;

    @PersistenceCreator
    MemberFeed(Long id, long organizationId, long memberId, String url, String normalizedUrl, String etag,
            String lastModified, Instant nextPollAt, Instant lastPolledAt, Instant lastSuccessAt, int failures,
            String lastError, Instant createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.memberId = memberId;
        this.url = url;
        this.normalizedUrl = normalizedUrl;
        this.etag = etag;
        this.lastModified = lastModified;
        this.nextPollAt = nextPollAt;
        this.lastPolledAt = lastPolledAt;
        this.lastSuccessAt = lastSuccessAt;
        this.failures = failures;
        this.lastError = lastError;
        this.createdAt = createdAt;
    }

    /** A new feed, due at once. */
    static MemberFeed of(long organizationId, long memberId, OutputUrl url, Instant now) {
        return new MemberFeed(null, organizationId, memberId, url.url(), url.key(), null, null, now, null, null, 0, null,
                now);
    }

    /** If-None-Match and If-Modified-Since from the last answer, so an unchanged feed answers 304 without a body. */
    Map<String, String> conditionalHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        if (lastModified != null) {
            headers.put("If-Modified-Since", lastModified);
        }
        return headers;
    }

    /** Read (or unchanged since last time): the validators of this answer are kept, and the feed is due again later. */
    void succeeded(String newEtag, String newLastModified, Instant now, Duration interval) {
        etag = fits(newEtag, 500);
        lastModified = fits(newLastModified, 100);
        failures = 0;
        lastError = null;
        lastPolledAt = now;
        lastSuccessAt = now;
        nextPollAt = now.plus(interval);
    }

    void unchanged(Instant now, Duration interval) {
        succeeded(etag, lastModified, now, interval);
    }

    /** Failed: waits the interval times 2, 4, 8 ... after consecutive failures, at most {@code maxBackoff}. */
    void failed(String error, Instant now, Duration interval, Duration maxBackoff) {
        failures++;
        lastError = error == null ? "" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        lastPolledAt = now;
        Duration wait = interval.multipliedBy(1L << Math.min(failures, 20));
        nextPollAt = now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
    }

    public boolean failing() {
        return failures > 0;
    }

    private static String fits(String value, int max) {
        return value == null || value.length() > max ? null : value;
    }

    public Long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public long memberId() {
        return memberId;
    }

    public String url() {
        return url;
    }

    public String key() {
        return normalizedUrl;
    }

    public Instant nextPollAt() {
        return nextPollAt;
    }

    public Instant lastPolledAt() {
        return lastPolledAt;
    }

    public Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    public int failures() {
        return failures;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
