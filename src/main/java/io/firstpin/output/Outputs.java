package io.firstpin.output;

import io.firstpin.event.Event;
import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.Material;
import io.firstpin.event.MaterialKind;
import io.firstpin.event.Session;
import io.firstpin.member.IdentityKind;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.output.internal.OutputQueries;
import io.firstpin.output.internal.OutputQueries.EventOutputs;
import io.firstpin.output.internal.OutputRepository;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import io.firstpin.platform.limits.Limit;
import io.firstpin.platform.limits.RateLimits;
import io.firstpin.platform.limits.TooManyRequests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records outputs and their links to events: submitted by a registrant with their private link, entered by staff, or
 * read from a member's feed and linked by the {@link LinkingRules}; lists them per event, and lets staff correct links.
 */
@Service
public class Outputs {

    /** What the event page lists as reports: social posts are left to the hashtag's own timeline. */
    static final Set<OutputType> REPORT_TYPES = Set.of(OutputType.BLOG, OutputType.SLIDE, OutputType.VIDEO,
            OutputType.MEDIA);

    /**
     * Reports one registration may submit a day, whatever address they come from (the address has its own limit): a
     * registrant may write a post, slides and a video; a script holding a private link is held to a few.
     */
    static final Limit PER_REGISTRATION = Limit.of("report-per-registration", 5, Duration.ofDays(1));

    private final OutputRepository outputs;
    private final OutputQueries queries;
    private final Events events;
    private final Members members;
    private final Registrations registrations;
    private final Clock clock;
    private final TransactionTemplate savepoint;
    private final RateLimits limits;
    private final ReportReviews reviews;

    Outputs(OutputRepository outputs, OutputQueries queries, Events events, Members members,
            Registrations registrations, Clock clock, PlatformTransactionManager transactions, RateLimits limits,
            ReportReviews reviews) {
        this.limits = limits;
        this.reviews = reviews;
        this.outputs = outputs;
        this.queries = queries;
        this.events = events;
        this.members = members;
        this.registrations = registrations;
        this.clock = clock;
        // a unique-key clash must not spoil the caller's transaction (PostgreSQL aborts it), so inserts use a savepoint
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Staff enter an output for an event of their organization; the same address twice for one event is a conflict. */
    @Transactional
    public Output submitByStaff(long organizationId, long eventId, OutputSubmission submission) {
        EventSummary event = eventOf(organizationId, eventId);
        Long author = authorByEmail(organizationId, submission.authorEmail());
        return submit(event, submission, author, OutputSource.STAFF, output -> output.linkTo(eventId, LinkedBy.MANUAL, clock.instant()));
    }

    /**
     * A registrant of the event submits their report with their private link; they are its author. A cancelled
     * registration or a link to another event's registration cannot submit.
     */
    @Transactional
    public Output submitByRegistrant(String manageToken, long eventId, OutputSubmission submission) {
        Registration registration = registrationFor(manageToken, eventId);
        if (registration.status() != RegistrationStatus.CONFIRMED) {
            throw new ConflictException("registration", "output.report.not-confirmed");
        }
        EventSummary event = events.summary(eventId).orElseThrow(() -> NotFoundException.of("event", eventId));
        if (event.startsAt().isAfter(clock.instant())) {
            throw new ConflictException("event", "output.report.before-start");
        }
        TooManyRequests.unlessAllowed(limits.take(PER_REGISTRATION, "registration:" + registration.id()));
        boolean publishNow = reviews.publishesAtOnce(registration);
        return submit(event, OutputSubmission.byRegistrant(submission.url(), submission.type(), submission.title()),
                registration.memberId(), OutputSource.SUBMITTED, output -> output.submitAsReport(eventId, publishNow, clock.instant()));
    }

    /**
     * A member submits a report for an event they attended, by the link of the nudge email (which only attendees get);
     * it waits for review unless the organization publishes reports of confirmed attendees at once.
     */
    @Transactional
    public Output submitByMember(long organizationId, long memberId, long eventId, OutputSubmission submission) {
        EventSummary event = eventOf(organizationId, eventId);
        boolean publishNow = reviews.publishesOnAttendance(organizationId);
        return submit(event, OutputSubmission.byRegistrant(submission.url(), submission.type(), submission.title()),
                memberId, OutputSource.SUBMITTED, output -> output.submitAsReport(eventId, publishNow, clock.instant()));
    }

    /** The registration a private link opens, when it is one for this event and not cancelled. */
    public Registration registrationFor(String manageToken, long eventId) {
        return registrations.byToken(manageToken)
                .filter(r -> r.eventId() == eventId)
                .filter(r -> r.status() != RegistrationStatus.CANCELLED)
                .orElseThrow(() -> NotFoundException.of("registration", "with this link for event " + eventId));
    }

    private Output submit(EventSummary event, OutputSubmission submission, Long author, OutputSource source,
            Consumer<Output> link) {
        OutputUrl url = OutputUrl.of(submission.url());
        OutputType type = typeOf(submission.type());
        String title = Output.checkedTitle(submission.title());
        Instant now = clock.instant();
        Output output = outputs.findByOrganizationIdAndNormalizedUrl(event.organizationId(), url.key())
                .orElseGet(() -> Output.record(event.organizationId(), url, type, title, author, null, source, null,
                        now));
        output.complete(author, title, null);
        link.accept(output);
        try {
            return saveNew(output);
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("url", "output.duplicate");
        }
    }

    /**
     * Takes the posts read from a member's feed: each new address becomes an output of the member, and every post,
     * new or seen before, is linked to the events the rules find for it (never again to an event staff unlinked it
     * from). Answers how many outputs are new.
     */
    @Transactional
    public int takeFromFeed(MemberFeed feed, List<FeedItem> items, LinkingRules rules) {
        Instant now = clock.instant();
        List<Instant> dates = items.stream().map(FeedItem::publishedAt).filter(Objects::nonNull).sorted().toList();
        List<LinkTarget> candidates = dates.isEmpty() ? List.of()
                : queries.linkCandidates(feed.organizationId(), dates.get(0), dates.get(dates.size() - 1),
                        rules.windowAfterEnd());
        int added = 0;
        for (FeedItem item : items) {
            Optional<OutputUrl> url = addressOf(item);
            if (url.isEmpty()) {
                continue;
            }
            Optional<Output> known = outputs.findByOrganizationIdAndNormalizedUrl(feed.organizationId(), url.get().key());
            Output output = known.orElseGet(() -> Output.record(feed.organizationId(), url.get(), null, item.title(),
                    feed.memberId(), item.publishedAt(), OutputSource.FEED, feed.id(), now));
            boolean changed = known.isEmpty();
            for (LinkTarget event : candidates) {
                Optional<LinkedBy> reason = rules.match(item, event);
                if (reason.isPresent() && output.inferLink(event.eventId(), reason.get(), now)) {
                    changed = true;
                }
            }
            try {
                if (changed) {
                    saveNew(output);
                }
                if (known.isEmpty()) {
                    added++;
                }
            } catch (DuplicateKeyException readByAnotherPollJustNow) {
                // the other poll recorded the post and linked it by the same rules
            }
        }
        return added;
    }

    /**
     * Counts the slides and videos on the event's agenda as outputs of their session's first speaker, linked to the
     * event by the agenda (never again where staff unlinked them). A material taken off the agenda keeps its output;
     * staff unlink it if it no longer belongs. Answers how many outputs are new.
     */
    @Transactional
    public int takeFromAgenda(long eventId) {
        Event event = events.find(eventId).orElseThrow(() -> NotFoundException.of("event", eventId));
        Instant now = clock.instant();
        int added = 0;
        for (Session session : event.sessions()) {
            Long speaker = session.speakerIds().isEmpty() ? null : session.speakerIds().get(0);
            for (Material material : session.materials()) {
                OutputType type = material.kind() == MaterialKind.SLIDES ? OutputType.SLIDE
                        : material.kind() == MaterialKind.VIDEO ? OutputType.VIDEO : null;
                if (type == null) {
                    continue;
                }
                OutputUrl url;
                try {
                    url = OutputUrl.of(material.url());
                } catch (InvalidInputException notAPostAddress) {
                    continue;
                }
                Optional<Output> known = outputs.findByOrganizationIdAndNormalizedUrl(event.organizationId(), url.key());
                String title = material.title() != null ? material.title() : session.title();
                Output output = known.orElseGet(() -> Output.record(event.organizationId(), url, type, title, speaker,
                        event.startsAt(), OutputSource.AGENDA, null, now));
                output.complete(speaker, title, event.startsAt());
                if (output.inferLink(eventId, LinkedBy.AGENDA, now) || known.isEmpty()) {
                    try {
                        saveNew(output);
                        added += known.isEmpty() ? 1 : 0;
                    } catch (DuplicateKeyException recordedConcurrently) {
                        // another change of the agenda took the same address at the same time
                    }
                }
            }
        }
        return added;
    }

    /** The outputs linked to an event of the organization, for staff: newest first, with how each was linked. */
    @Transactional(readOnly = true)
    public List<EventOutput> ofEvent(long organizationId, long eventId) {
        eventOf(organizationId, eventId);
        return listed(organizationId, eventId);
    }

    /** The outputs staff unlinked from an event of the organization, so that they can link one again. */
    @Transactional(readOnly = true)
    public List<Output> unlinkedFrom(long organizationId, long eventId) {
        eventOf(organizationId, eventId);
        List<Long> ids = queries.unlinkedFromEvent(eventId);
        Map<Long, Output> byId = outputs.findAllById(ids).stream()
                .filter(output -> output.organizationId() == organizationId)
                .collect(Collectors.toMap(Output::id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** What the public event page lists as reports: blog posts, slides, videos and articles linked to it, approved. */
    @Transactional(readOnly = true)
    public List<EventOutput> reports(long eventId) {
        return events.summary(eventId)
                .map(event -> listed(event.organizationId(), eventId).stream()
                        .filter(entry -> entry.link().published())
                        .filter(entry -> REPORT_TYPES.contains(entry.output().type()))
                        .toList())
                .orElse(List.of());
    }

    /** The outputs a member submitted or wrote for the event, with their links (a report may await review). */
    @Transactional(readOnly = true)
    public List<EventOutput> byMemberForEvent(long organizationId, long memberId, long eventId) {
        return listed(organizationId, eventId).stream()
                .filter(entry -> Objects.equals(entry.output().authorMemberId(), memberId))
                .toList();
    }

    /** Staff say an output does not report on the event: the link goes and the rules do not make it again. */
    @Transactional
    public Output unlink(long organizationId, long eventId, long outputId) {
        eventOf(organizationId, eventId);
        Output output = inOrganization(organizationId, outputId);
        if (!output.unlink(eventId, clock.instant())) {
            throw NotFoundException.of("link of output " + outputId + " to event", eventId);
        }
        return outputs.save(output);
    }

    /** Staff link an output of their organization to an event, again or for the first time. */
    @Transactional
    public Output relink(long organizationId, long eventId, long outputId) {
        eventOf(organizationId, eventId);
        Output output = inOrganization(organizationId, outputId);
        output.relink(eventId, clock.instant());
        return outputs.save(output);
    }

    /** Everything the member wrote that the organization knows of (submitted, taken from their feed), newest first. */
    @Transactional(readOnly = true)
    public List<Output> byAuthor(long organizationId, long memberId) {
        List<Output> written = new ArrayList<>(outputs.findByOrganizationIdAndAuthorMemberIdOrderById(organizationId,
                memberId));
        Collections.reverse(written);
        return written;
    }

    public Output inOrganization(long organizationId, long outputId) {
        return outputs.findByOrganizationIdAndId(organizationId, outputId)
                .orElseThrow(() -> NotFoundException.of("output", outputId));
    }

    /** For the KPIs: per event, how many outputs are linked to it and how many distinct members wrote them. */
    @Transactional(readOnly = true)
    public Map<Long, OutputCount> countsByEvent(Collection<Long> eventIds) {
        return queries.countsByEvent(eventIds).stream()
                .collect(Collectors.toMap(EventOutputs::eventId, c -> new OutputCount(c.outputs(), c.authors())));
    }

    /** For the KPIs and the nudge: the members who wrote an output linked to the event. */
    @Transactional(readOnly = true)
    public Set<Long> authorsOf(long eventId) {
        return Set.copyOf(queries.authorsOfEvent(eventId));
    }

    /**
     * For the KPIs: the outputs linked now to the events (not the links staff removed), one per link, with author,
     * type and date; an output linked to two events comes once for each.
     */
    @Transactional(readOnly = true)
    public List<LinkedOutput> linkedTo(Collection<Long> eventIds) {
        return queries.linkedTo(eventIds).stream()
                .map(row -> new LinkedOutput(row.eventId(), row.outputId(), row.authorMemberId(),
                        OutputType.valueOf(row.kind()), row.at()))
                .toList();
    }

    public record OutputCount(int outputs, int authors) {

        public static final OutputCount NONE = new OutputCount(0, 0);
    }

    private List<EventOutput> listed(long organizationId, long eventId) {
        List<Long> ids = queries.outputsOfEvent(eventId);
        Map<Long, Output> byId = outputs.findAllById(ids).stream()
                .filter(output -> output.organizationId() == organizationId)
                .collect(Collectors.toMap(Output::id, Function.identity()));
        Set<Long> authors = byId.values().stream().map(Output::authorMemberId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, String> names = members.displayNames(organizationId, authors);
        return ids.stream().map(byId::get).filter(Objects::nonNull)
                .map(output -> new EventOutput(output, output.linkTo(eventId).orElseThrow(),
                        output.authorMemberId() == null ? null : names.get(output.authorMemberId())))
                .toList();
    }

    /** Saves the output; a new one whose address another transaction recorded meanwhile throws a duplicate key. */
    private Output saveNew(Output output) {
        if (output.id() != null) {
            return outputs.save(output);
        }
        return savepoint.execute(status -> outputs.save(output));
    }

    private EventSummary eventOf(long organizationId, long eventId) {
        return events.summary(eventId).filter(e -> e.organizationId() == organizationId)
                .orElseThrow(() -> NotFoundException.of("event", eventId));
    }

    private Long authorByEmail(long organizationId, String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return members.findByIdentity(organizationId, IdentityKind.EMAIL, email)
                .map(Member::id)
                .orElseThrow(() -> InvalidInputException.of("authorEmail", "output.author.unknown"));
    }

    private static OutputType typeOf(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return OutputType.fromApiName(name).orElseThrow(() -> InvalidInputException.of("type", "output.type.unknown"));
    }

    private static Optional<OutputUrl> addressOf(FeedItem item) {
        try {
            return Optional.of(OutputUrl.of(item.url()));
        } catch (InvalidInputException notAWebAddress) {
            return Optional.empty();
        }
    }
}
