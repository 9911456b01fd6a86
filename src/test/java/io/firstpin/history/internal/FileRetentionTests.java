package io.firstpin.history.internal;

import static io.firstpin.platform.db.Tables.HISTORY_IMPORT;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;

@DatabaseTest
@SpringBootTest
class FileRetentionTests {

    @Autowired
    FileRetention.UploadedFiles files;
    @Autowired
    DSLContext db;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    ApplicationEventPublisher publisher;

    @Test
    void anUploadedFileIsEmptiedOnceItsImportIsOlderThanTheRetentionAndANewerOneIsKept() {
        String slug = "retention-" + System.nanoTime();
        Community community = communities.start(organizations.found(new Slug(slug), "Org").id(), new Slug(slug + "-c"),
                CommunityProfile.of("UG", null, null, "Asia/Tokyo"), null);
        CommunityHistory history = new CommunityHistory(db, communities, publisher, community);
        long old = imported(community, history.eventAt("2025-04-10T19:00", "JP-13", "渋谷区").id(), "2025-04-11T00:00:00Z");
        long recent = imported(community, history.eventAt("2026-11-10T19:00", "JP-13", "渋谷区").id(), "2026-11-11T00:00:00Z");

        int emptied = files.emptyFinishedBefore(Instant.parse("2026-06-01T00:00:00Z"));

        assertThat(emptied).isEqualTo(1);
        assertThat(content(old)).isEmpty();
        assertThat(content(recent)).isNotEmpty();
        assertThat(files.emptyFinishedBefore(Instant.parse("2026-06-01T00:00:00Z"))).isZero();
    }

    private long imported(Community community, long eventId, String at) {
        return db.insertInto(HISTORY_IMPORT)
                .set(HISTORY_IMPORT.ORGANIZATION_ID, community.organizationId())
                .set(HISTORY_IMPORT.EVENT_ID, eventId)
                .set(HISTORY_IMPORT.FORMAT, "CONNPASS")
                .set(HISTORY_IMPORT.FILE_NAME, "event_participants.csv")
                .set(HISTORY_IMPORT.SHA256, Long.toHexString(System.nanoTime()))
                .set(HISTORY_IMPORT.ENCODING, "UTF-8")
                .set(HISTORY_IMPORT.CONTENT, "氏名,メール\n博多 花子,hanako@example.jp\n".getBytes(StandardCharsets.UTF_8))
                .set(HISTORY_IMPORT.ROWS_READ, 1).set(HISTORY_IMPORT.REGISTRATIONS, 1)
                .set(HISTORY_IMPORT.ATTENDANCES, 0).set(HISTORY_IMPORT.MEMBERS_CREATED, 1)
                .set(HISTORY_IMPORT.MEMBERS_MATCHED, 0)
                .set(HISTORY_IMPORT.IMPORTED_AT, OffsetDateTime.ofInstant(Instant.parse(at), ZoneOffset.UTC))
                .returning(HISTORY_IMPORT.ID).fetchOne(HISTORY_IMPORT.ID);
    }

    private byte[] content(long importId) {
        return db.select(HISTORY_IMPORT.CONTENT).from(HISTORY_IMPORT).where(HISTORY_IMPORT.ID.eq(importId))
                .fetchOne(HISTORY_IMPORT.CONTENT);
    }
}
