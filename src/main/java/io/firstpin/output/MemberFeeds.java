package io.firstpin.output;

import io.firstpin.member.IdentityInput;
import io.firstpin.member.IdentityKind;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.output.internal.FeedReader;
import io.firstpin.output.internal.FeedReader.UnreadableFeed;
import io.firstpin.output.internal.MemberFeedRepository;
import io.firstpin.output.internal.OutputProperties;
import io.firstpin.output.internal.OutputQueries;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.outbound.OutboundException;
import io.firstpin.platform.outbound.OutboundHttp;
import io.firstpin.platform.outbound.OutboundResponse;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members' blog feeds: registers them (also as the member's feed identity) and polls them through the guarded outbound
 * client with a conditional GET. Each feed is read outside any transaction and its posts are taken in a transaction of
 * its own, so one feed that is down, slow or unreadable is only marked failing (and waits longer next time) while the
 * others are read as usual.
 */
@Service
public class MemberFeeds {

    private static final Logger log = LoggerFactory.getLogger(MemberFeeds.class);

    private final MemberFeedRepository feeds;
    private final OutputQueries queries;
    private final Outputs outputs;
    private final Members members;
    private final FeedReader reader;
    private final OutboundHttp http;
    private final LinkingRules rules;
    private final OutputProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    MemberFeeds(MemberFeedRepository feeds, OutputQueries queries, Outputs outputs, Members members, FeedReader reader,
            OutboundHttp http, LinkingRules rules, OutputProperties properties, Clock clock,
            PlatformTransactionManager transactions) {
        this.feeds = feeds;
        this.queries = queries;
        this.outputs = outputs;
        this.members = members;
        this.reader = reader;
        this.http = http;
        this.rules = rules;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Adds a feed to a member of the organization, due for reading at once. The same feed again for the same member
     * answers the feed it has; a feed another member has is a conflict.
     */
    @Transactional
    public MemberFeed add(long organizationId, long memberId, String url) {
        Member member = members.inOrganization(organizationId, memberId);
        OutputUrl address = OutputUrl.of(url);
        var known = feeds.findByOrganizationIdAndNormalizedUrl(organizationId, address.key());
        if (known.isPresent()) {
            if (known.get().memberId() != memberId) {
                throw new ConflictException("url", "output.feed.taken");
            }
            return known.get();
        }
        members.addIdentity(organizationId, member.id(), new IdentityInput(IdentityKind.FEED, address.url()));
        try {
            return feeds.save(MemberFeed.of(organizationId, memberId, address, clock.instant()));
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("url", "output.feed.taken");
        }
    }

    public List<MemberFeed> ofMember(long organizationId, long memberId) {
        members.inOrganization(organizationId, memberId);
        return feeds.findByMemberIdOrderById(memberId);
    }

    public List<MemberFeed> ofOrganization(long organizationId) {
        return feeds.findByOrganizationIdOrderById(organizationId);
    }

    /** Reads every feed of the organization now, whatever its schedule. */
    public FeedPoll pollOrganization(long organizationId) {
        followFeedIdentities(organizationId);
        return pollAll(feeds.findByOrganizationIdOrderById(organizationId));
    }

    /** Reads the feeds that are due, the ones waiting longest first; from the scheduled task. */
    public FeedPoll pollDue() {
        followFeedIdentities(null);
        List<Long> due = queries.dueFeeds(clock.instant(), properties.feedsPerRun());
        return pollAll(feeds.findAllById(due));
    }

    /**
     * A feed address added as a member's identity elsewhere (the member page, an import) is followed like one added
     * here; an address that is not a usable feed address, or that another member follows, is left alone.
     */
    private void followFeedIdentities(Long organizationId) {
        for (OutputQueries.FeedIdentity identity : queries.unfollowedFeedIdentities(organizationId)) {
            try {
                OutputUrl address = OutputUrl.of(identity.url());
                if (feeds.findByOrganizationIdAndNormalizedUrl(identity.organizationId(), address.key()).isEmpty()) {
                    feeds.save(MemberFeed.of(identity.organizationId(), identity.memberId(), address, clock.instant()));
                }
            } catch (InvalidInputException | DuplicateKeyException notFollowable) {
                // an address the member page took but no feed reader could use, or one followed meanwhile
            }
        }
    }

    /**
     * Polls each feed on its own: whatever one feed throws (odd validator bytes, a date no database takes, a parser's
     * surprise, any RuntimeException or Error short of the JVM itself failing) marks that feed failing with its backoff,
     * and the poll goes on with every other feed.
     */
    private FeedPoll pollAll(Iterable<MemberFeed> selected) {
        FeedPoll total = FeedPoll.NONE;
        for (MemberFeed feed : selected) {
            try {
                total = total.plus(poll(feed));
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (RuntimeException | Error broken) {
                log.warn("Feed {} of member {} could not be taken", feed.id(), feed.memberId(), broken);
                total = total.plus(failed(feed, "unreadable: " + broken.getClass().getSimpleName()));
            }
        }
        return total;
    }

    private FeedPoll poll(MemberFeed feed) {
        OutboundResponse response;
        List<FeedItem> items;
        try {
            response = http.get(feed.url(), feed.conditionalHeaders());
            if (response.notModified()) {
                record(feed.id(), current -> current.unchanged(clock.instant(), properties.feedPollInterval()));
                return new FeedPoll(1, 0, 0);
            }
            if (!response.ok()) {
                return failed(feed, "HTTP " + response.status());
            }
            items = reader.read(response.body(), response.header("Content-Type").orElse(null), response.uri());
        } catch (OutboundException e) {
            return failed(feed, e.problem() + ": " + e.getMessage());
        } catch (UnreadableFeed e) {
            return failed(feed, e.getMessage());
        }
        String etag = response.header("ETag").orElse(null);
        String lastModified = response.header("Last-Modified").orElse(null);
        Integer added = transaction.execute(status -> {
            MemberFeed current = feeds.findById(feed.id()).orElseThrow(() -> NotFoundException.of("feed", feed.id()));
            int taken = outputs.takeFromFeed(current, items, rules);
            current.succeeded(etag, lastModified, clock.instant(), properties.feedPollInterval());
            feeds.save(current);
            return taken;
        });
        return new FeedPoll(1, added == null ? 0 : added, 0);
    }

    private FeedPoll failed(MemberFeed feed, String error) {
        log.info("Feed {} of member {} failed: {}", feed.url(), feed.memberId(), error);
        record(feed.id(), current -> current.failed(error, clock.instant(), properties.feedPollInterval(),
                properties.feedMaxBackoff()));
        return new FeedPoll(1, 0, 1);
    }

    private void record(long feedId, Consumer<MemberFeed> change) {
        transaction.executeWithoutResult(status -> feeds.findById(feedId).ifPresent(current -> {
            change.accept(current);
            feeds.save(current);
        }));
    }
}
