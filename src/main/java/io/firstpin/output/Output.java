package io.firstpin.output;

import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A blog post, slide deck, video, social post or media article of an organization's community, and the events it
 * reports on. One output per address ({@link OutputUrl#key()}) in an organization; it may report on several events.
 */
@Table("output")
public class Output {

    static final int MAX_TITLE = 500;

    @Id
    private Long id;
    private final long organizationId;
    private final String url;
    private final String normalizedUrl;
    @Column("kind")
    private OutputType type;
    private String title;
    private Long authorMemberId;
    private Instant publishedAt;
    private final OutputSource source;
    private final Long feedId;
    private final Instant createdAt;
    // written by the preview fetcher alone, so that saving the output never overwrites it
    @ReadOnlyProperty
    private String previewImage;
    @MappedCollection(idColumn = "output_id")
    private Set<OutputLink> links;

    @PersistenceCreator
    Output(Long id, long organizationId, String url, String normalizedUrl, OutputType type, String title,
            Long authorMemberId, Instant publishedAt, OutputSource source, Long feedId, Instant createdAt,
            String previewImage, Set<OutputLink> links) {
        this.id = id;
        this.organizationId = organizationId;
        this.url = url;
        this.normalizedUrl = normalizedUrl;
        this.type = type;
        this.title = title;
        this.authorMemberId = authorMemberId;
        this.publishedAt = publishedAt;
        this.source = source;
        this.feedId = feedId;
        this.createdAt = createdAt;
        this.previewImage = previewImage;
        this.links = new LinkedHashSet<>(links == null ? Set.of() : links);
    }

    /** A new output; without a type, one is guessed from the address. */
    static Output record(long organizationId, OutputUrl url, OutputType type, String title, Long authorMemberId,
            Instant publishedAt, OutputSource source, Long feedId, Instant now) {
        return new Output(null, organizationId, url.url(), url.key(), type != null ? type : OutputType.guess(url),
                cleanTitle(title), authorMemberId, publishedAt, source, feedId, now, null, Set.of());
    }

    /**
     * Links the output to the event, by a person (a registrant or staff). A link staff removed earlier is made again;
     * an active link is a conflict, since the same output cannot be reported twice for one event.
     */
    void linkTo(long eventId, LinkedBy linkedBy, Instant now) {
        takeLinkFor(eventId);
        links.add(OutputLink.of(eventId, linkedBy, now));
    }

    /**
     * Links the output to the event as a report its author submitted; unless {@code publishNow}, it waits for staff.
     * An active link is a conflict, as for {@link #linkTo(long, LinkedBy, Instant)}.
     */
    void submitAsReport(long eventId, boolean publishNow, Instant now) {
        takeLinkFor(eventId);
        links.add(publishNow ? OutputLink.of(eventId, LinkedBy.SUBMITTED, now)
                : OutputLink.forReview(eventId, LinkedBy.SUBMITTED, now));
    }

    /** Staff (or the author's confirmed attendance) approve a report waiting for review; answers whether one was. */
    boolean approve(long eventId) {
        Optional<OutputLink> waiting = linkTo(eventId).filter(OutputLink::active).filter(OutputLink::awaitingReview);
        waiting.ifPresent(link -> {
            links.remove(link);
            links.add(link.approved());
        });
        return waiting.isPresent();
    }

    /** Takes away a link staff removed earlier, so that a new one can be made; an active link is a conflict. */
    private void takeLinkFor(long eventId) {
        Optional<OutputLink> existing = linkTo(eventId);
        if (existing.isPresent() && existing.get().active()) {
            throw new ConflictException("url", "output.duplicate");
        }
        existing.ifPresent(links::remove);
    }

    /**
     * Links the output to the event by the linking rules, unless it was ever linked to it: a link staff removed stays
     * removed. Answers whether a link was added.
     */
    boolean inferLink(long eventId, LinkedBy linkedBy, Instant now) {
        if (linkTo(eventId).isPresent()) {
            return false;
        }
        links.add(OutputLink.of(eventId, linkedBy, now));
        return true;
    }

    /** Staff say the output does not report on the event; answers whether it was linked. */
    boolean unlink(long eventId, Instant now) {
        Optional<OutputLink> existing = linkTo(eventId).filter(OutputLink::active);
        existing.ifPresent(link -> {
            links.remove(link);
            links.add(link.removed(now));
        });
        return existing.isPresent();
    }

    /** Staff link the output to the event again, or for the first time; the link is theirs now. */
    void relink(long eventId, Instant now) {
        linkTo(eventId).ifPresent(links::remove);
        links.add(OutputLink.of(eventId, LinkedBy.MANUAL, now));
    }

    /** Fills in what a person did not give: the author, the title, the time it was published. */
    void complete(Long authorMemberId, String title, Instant publishedAt) {
        if (this.authorMemberId == null) {
            this.authorMemberId = authorMemberId;
        }
        if (this.title == null) {
            this.title = cleanTitle(title);
        }
        if (this.publishedAt == null) {
            this.publishedAt = publishedAt;
        }
    }

    private static String cleanTitle(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String line = text.replaceAll("\\s+", " ").strip();
        if (line.length() > MAX_TITLE) {
            int end = Character.isHighSurrogate(line.charAt(MAX_TITLE - 2)) ? MAX_TITLE - 2 : MAX_TITLE - 1;
            line = line.substring(0, end) + "…";
        }
        return line;
    }

    /** Checks a title a person gave: reported on the field {@code title}. */
    static String checkedTitle(String text) {
        if (text != null && text.strip().length() > MAX_TITLE) {
            throw InvalidInputException.of("title", "validation.too-long", MAX_TITLE);
        }
        return text;
    }

    public Optional<OutputLink> linkTo(long eventId) {
        return links.stream().filter(link -> link.eventId() == eventId).findFirst();
    }

    public boolean linkedTo(long eventId) {
        return linkTo(eventId).filter(OutputLink::active).isPresent();
    }

    /** Active links, oldest first. */
    public List<OutputLink> links() {
        return links.stream().filter(OutputLink::active)
                .sorted(Comparator.comparing(OutputLink::linkedAt).thenComparing(OutputLink::eventId))
                .toList();
    }

    public Long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public OutputUrl url() {
        return new OutputUrl(url);
    }

    public String key() {
        return normalizedUrl;
    }

    public OutputType type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The title, or the address where the output has none yet. */
    public String label() {
        return title != null ? title : url;
    }

    public Long authorMemberId() {
        return authorMemberId;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public OutputSource source() {
        return source;
    }

    public Long feedId() {
        return feedId;
    }

public Instant createdAt() {
        return createdAt;
    }

    /** The page's preview picture (og:image), an https address; null until fetched, or when the page has none. */
    public String previewImage() {
        return previewImage;
    }

    public String site() {
        return url().site();
    }
}
