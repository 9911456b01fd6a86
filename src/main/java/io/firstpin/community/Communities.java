package io.firstpin.community;

import static io.firstpin.platform.db.Tables.COMMUNITY;

import io.firstpin.community.internal.CommunityRepository;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Starts communities, describes them and arranges them into branches. Every lookup is scoped by organization. */
@Service
public class Communities {

    private final CommunityRepository communities;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DSLContext db;

    Communities(CommunityRepository communities, Clock clock, ApplicationEventPublisher events, DSLContext db) {
        this.communities = communities;
        this.clock = clock;
        this.events = events;
        this.db = db;
    }

    @Transactional
    public Community start(long organizationId, Slug slug, CommunityProfile profile, String parentSlug) {
        if (communities.existsBySlug(slug.value())) {
            throw new ConflictException("slug", "community.slug.taken", slug.value());
        }
        Community community = Community.start(organizationId, slug, profile, clock.instant());
        community.branchFrom(parentNamed(organizationId, parentSlug), false);
        try {
            Community started = communities.save(community);
            events.publishEvent(new CommunityChanged(organizationId, started.id(), "started", started.parentId()));
            return started;
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("slug", "community.slug.taken", slug.value());
        }
    }

    @Transactional
    public Community describe(long organizationId, String slug, CommunityProfile profile, String parentSlug) {
        Community community = inOrganization(organizationId, slug);
        community.describe(profile);
        Community parent = parentNamed(organizationId, parentSlug);
        community.branchFrom(parent, parent != null && branchesOf(community).contains(parent.id()));
        Community described = communities.save(community);
        events.publishEvent(new CommunityChanged(organizationId, described.id(), "described", described.parentId()));
        return described;
    }

    /** A community of the organization; a community of another organization is reported as not found. */
    public Community inOrganization(long organizationId, String slug) {
        return communities.findBySlug(slug)
                .filter(c -> c.organizationId() == organizationId)
                .orElseThrow(() -> NotFoundException.of("community", slug));
    }

    public Community inOrganization(long organizationId, long id) {
        return communities.findByOrganizationIdAndId(organizationId, id)
                .orElseThrow(() -> NotFoundException.of("community", id));
    }

    /**
     * Holds the community's row until the caller's transaction ends, so that changes a module checks against the
     * community's other rows (such as overlapping leader roles) are made one at a time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdForChange(Community community) {
        db.select(COMMUNITY.ID).from(COMMUNITY).where(COMMUNITY.ID.eq(community.id())).forUpdate().fetch();
    }

    /** For public pages and for resolving which organization a slug belongs to. */
    public Optional<Community> findBySlug(String slug) {
        return communities.findBySlug(slug);
    }

    public Optional<Community> findById(long id) {
        return communities.findById(id);
    }

    /** Every top-level community of the instance, for the public directory on the home page. */
    public List<Community> allTopLevel() {
        return communities.findByParentIdIsNullOrderByName();
    }

    public List<Community> list(long organizationId) {
        return communities.findByOrganizationIdOrderByName(organizationId);
    }

    /** The organization's communities, each parent followed by its branches, with their depth for indenting. */
    public List<Placed> tree(long organizationId) {
        List<Community> all = list(organizationId);
        Map<Long, List<Community>> byParent = all.stream()
                .filter(Community::isBranch)
                .collect(Collectors.groupingBy(Community::parentId));
        List<Placed> ordered = new ArrayList<>();
        all.stream().filter(c -> !c.isBranch()).forEach(root -> place(root, 0, byParent, ordered));
        return ordered;
    }

    /** Ids of the community and all its branches, at any depth. */
    public Set<Long> withBranches(Community community) {
        Set<Long> ids = new HashSet<>(branchesOf(community));
        ids.add(community.id());
        return ids;
    }

    private Set<Long> branchesOf(Community community) {
        Map<Long, List<Community>> byParent = list(community.organizationId()).stream()
                .filter(Community::isBranch)
                .collect(Collectors.groupingBy(Community::parentId));
        Set<Long> found = new HashSet<>();
        List<Long> frontier = new ArrayList<>(List.of(community.id()));
        while (!frontier.isEmpty()) {
            Long next = frontier.remove(frontier.size() - 1);
            for (Community child : byParent.getOrDefault(next, List.of())) {
                if (found.add(child.id())) {
                    frontier.add(child.id());
                }
            }
        }
        return found;
    }

    private void place(Community community, int depth, Map<Long, List<Community>> byParent, List<Placed> out) {
        out.add(new Placed(community, depth));
        byParent.getOrDefault(community.id(), List.of()).stream()
                .sorted(Comparator.comparing(Community::name, String.CASE_INSENSITIVE_ORDER))
                .forEach(child -> place(child, depth + 1, byParent, out));
    }

    private Community parentNamed(long organizationId, String parentSlug) {
        if (parentSlug == null || parentSlug.isBlank()) {
            return null;
        }
        return communities.findBySlug(parentSlug.strip())
                .filter(c -> c.organizationId() == organizationId)
                .orElseThrow(() -> InvalidInputException.of("parent", "community.parent.unknown", parentSlug.strip()));
    }

    public record Placed(Community community, int depth) {
    }
}
