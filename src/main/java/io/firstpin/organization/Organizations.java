package io.firstpin.organization;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.organization.internal.OrganizationRepository;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Founds organizations and opens them to callers who hold a role there. */
@Service
public class Organizations {

    private final OrganizationRepository organizations;
    private final AccessGuard access;
    private final Clock clock;

    Organizations(OrganizationRepository organizations, AccessGuard access, Clock clock) {
        this.organizations = organizations;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public Organization found(Slug slug, String name) {
        if (organizations.existsBySlug(slug.value())) {
            throw new ConflictException("slug", "organization.slug.taken", slug.value());
        }
        try {
            return organizations.save(Organization.found(slug, name, clock.instant()));
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("slug", "organization.slug.taken", slug.value());
        }
    }

    @Transactional
    public Organization rename(long id, String name) {
        Organization organization = organizations.findById(id).orElseThrow(() -> NotFoundException.of("organization", id));
        organization.rename(name);
        return organizations.save(organization);
    }

    /**
     * The organization, if the caller holds at least {@code minimum} in all of it; otherwise 404 (or 403 for a smaller
     * role, or one that holds in a single community).
     */
    public Organization open(String slug, Role minimum) {
        Organization organization = organizations.findBySlug(slug)
                .orElseThrow(() -> NotFoundException.of("organization", slug));
        access.require(organization.id(), minimum, "organization " + slug);
        return organization;
    }

    /**
     * The organization, if the caller holds at least {@code minimum} anywhere in it, perhaps in one community only:
     * for pages that then check the community, event or member they show with {@code AccessGuard}.
     */
    public Organization enter(String slug, Role minimum) {
        Organization organization = organizations.findBySlug(slug)
                .orElseThrow(() -> NotFoundException.of("organization", slug));
        access.enter(organization.id(), minimum, "organization " + slug);
        return organization;
    }

    public Organization open(long id, Role minimum) {
        Organization organization = organizations.findById(id).orElseThrow(() -> NotFoundException.of("organization", id));
        access.require(organization.id(), minimum, "organization " + id);
        return organization;
    }

    public Optional<Organization> findBySlug(String slug) {
        return organizations.findBySlug(slug);
    }

    public Optional<Organization> findById(long id) {
        return organizations.findById(id);
    }

    /** Every organization for instance admins, otherwise the ones the caller has a role in. */
    public List<Organization> visibleToCaller() {
        if (access.isInstanceAdmin()) {
            return organizations.findAllByOrderByName();
        }
        Collection<Long> ids = access.memberships().keySet();
        return organizations.findAllById(ids).stream()
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .toList();
    }
}
