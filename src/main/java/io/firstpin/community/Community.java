package io.firstpin.community;

import io.firstpin.platform.Hashtag;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.Slug;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** A user group. A community with a parent is a branch (支部) of that parent. */
@Table("community")
public class Community extends AbstractAggregateRoot<Community> {

    @Id
    private Long id;
    private final long organizationId;
    private final String slug;
    private String name;
    private String hashtag;
    private String interestAxis;
    private String timeZone;
    private Long parentId;
    private final Instant createdAt;

    @PersistenceCreator
    Community(Long id, long organizationId, String slug, String name, String hashtag, String interestAxis,
            String timeZone, Long parentId, Instant createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.slug = slug;
        this.name = name;
        this.hashtag = hashtag;
        this.interestAxis = interestAxis;
        this.timeZone = timeZone;
        this.parentId = parentId;
        this.createdAt = createdAt;
    }

    static Community start(long organizationId, Slug slug, CommunityProfile profile, Instant now) {
        Community community = new Community(null, organizationId, slug.value(), null, null, null, null, null, now);
        community.describe(profile);
        return community;
    }

    void describe(CommunityProfile profile) {
        this.name = profile.name();
        this.hashtag = profile.hashtag().map(Hashtag::value).orElse(null);
        this.interestAxis = profile.interestAxis();
        this.timeZone = profile.timeZone().getId();
    }

    /**
     * Makes this community a branch of {@code parent}, or a top-level community when it is null.
     *
     * @param parentIsBelowThis whether {@code parent} is this community or one of its own branches
     */
    void branchFrom(Community parent, boolean parentIsBelowThis) {
        if (parent != null
                && (parent.organizationId != organizationId || parentIsBelowThis || Objects.equals(parent.id, id))) {
            throw InvalidInputException.of("parent", "community.parent.invalid");
        }
        Long newParentId = parent == null ? null : parent.id;
        if (id != null && !Objects.equals(parentId, newParentId)) {
            registerEvent(new CommunityReparented(id));
        }
        this.parentId = newParentId;
    }

    public boolean isBranch() {
        return parentId != null;
    }

    public Long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Optional<Hashtag> hashtag() {
        return Optional.ofNullable(hashtag).map(Hashtag::new);
    }

    /** The hashtag with its {@code #}, or an empty string. */
    public String hashtagText() {
        return hashtag == null ? "" : "#" + hashtag;
    }

    public String interestAxis() {
        return interestAxis;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public String timeZoneId() {
        return timeZone;
    }

    public Long parentId() {
        return parentId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
