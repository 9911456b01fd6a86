package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.REGISTRATION_LINK;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.CommunityHistory.Held;
import io.firstpin.testing.DatabaseTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;

@DatabaseTest
@SpringBootTest
class LinkRetentionTests {

    @Autowired
    LinkRetention.ExpiredLinks links;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    DSLContext db;

    @Test
    void privateLinksOfEventsThatEndedBeforeTheCutAreForgottenAndTheRestKept() {
        String slug = "links-" + System.nanoTime();
        Organization organization = organizations.found(new Slug(slug), "Links");
        Community community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        CommunityHistory history = new CommunityHistory(db, communities, publisher, community);
        long taro = history.member("山田 太郎");
        Held longAgo = history.eventAt("1990-01-15T19:00", "JP-13", "渋谷区").confirmed(taro);
        Held lately = history.eventAt("1990-03-15T19:00", "JP-13", "渋谷区").confirmed(taro);
        long old = withLinks(longAgo, "old");
        long recent = withLinks(lately, "recent");

        int deleted = links.deleteOfEventsEndedBefore(Instant.parse("1990-02-01T00:00:00Z"));

        assertThat(deleted).isEqualTo(2);
        assertThat(tokens(old).value1()).isNull();
        assertThat(tokens(old).value2()).isNull();
        assertThat(tokens(old).value3()).isNull();
        assertThat(db.fetchCount(REGISTRATION_LINK, REGISTRATION_LINK.REGISTRATION_ID.eq(old))).isZero();
        assertThat(tokens(recent).value1()).isEqualTo("manage-recent");
        assertThat(tokens(recent).value2()).isEqualTo("proof-recent");
        assertThat(tokens(recent).value3()).isEqualTo("pass-recent");
        assertThat(db.fetchCount(REGISTRATION_LINK, REGISTRATION_LINK.REGISTRATION_ID.eq(recent))).isEqualTo(1);
        assertThat(links.deleteOfEventsEndedBefore(Instant.parse("1990-02-01T00:00:00Z"))).isZero();
    }

    private long withLinks(Held event, String name) {
        long registration = db.select(REGISTRATION.ID).from(REGISTRATION).where(REGISTRATION.EVENT_ID.eq(event.id()))
                .fetchSingle(REGISTRATION.ID);
        db.update(REGISTRATION).set(REGISTRATION.MANAGE_TOKEN_HASH, "manage-" + name)
                .set(REGISTRATION.PROOF_TOKEN_HASH, "proof-" + name).set(REGISTRATION.CHECKIN_CODE, "pass-" + name)
                .where(REGISTRATION.ID.eq(registration)).execute();
        db.insertInto(REGISTRATION_LINK).set(REGISTRATION_LINK.REGISTRATION_ID, registration)
                .set(REGISTRATION_LINK.TOKEN_HASH, "link-" + name).set(REGISTRATION_LINK.PURPOSE, "REMINDER")
                .set(REGISTRATION_LINK.CREATED_AT, OffsetDateTime.of(1990, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .execute();
        return registration;
    }

    private Record3<String, String, String> tokens(long registration) {
        return db.select(REGISTRATION.MANAGE_TOKEN_HASH, REGISTRATION.PROOF_TOKEN_HASH, REGISTRATION.CHECKIN_CODE)
                .from(REGISTRATION).where(REGISTRATION.ID.eq(registration)).fetchSingle();
    }
}
