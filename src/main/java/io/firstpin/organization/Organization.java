package io.firstpin.organization;

import io.firstpin.platform.Slug;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/** A tenant: a company or an independent network that runs communities. */
@Table("organization")
public class Organization {

    @Id
    private Long id;
    private final String slug;
    private String name;
    private final Instant createdAt;

    @PersistenceCreator
    Organization(Long id, String slug, String name, Instant createdAt) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.createdAt = createdAt;
    }

    static Organization found(Slug slug, String name, Instant now) {
        return new Organization(null, slug.value(), name.strip(), now);
    }

    void rename(String newName) {
        this.name = newName.strip();
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
