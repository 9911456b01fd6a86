package io.firstpin.platform;

import static io.firstpin.platform.db.Tables.COMMUNITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.organization.Organizations;
import io.firstpin.testing.DatabaseTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
@SpringBootTest
class BulkWriterTests {

    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
    private static final List<Field<?>> COMMUNITY_FIELDS = List.of(COMMUNITY.ORGANIZATION_ID, COMMUNITY.SLUG,
            COMMUNITY.NAME, COMMUNITY.HASHTAG, COMMUNITY.INTEREST_AXIS, COMMUNITY.TIME_ZONE, COMMUNITY.CREATED_AT);
    private static final OffsetDateTime FOUNDED = OffsetDateTime.of(2024, 5, 10, 19, 30, 15, 0, ZoneOffset.ofHours(9));

    @Autowired
    BulkWriter bulk;
    @Autowired
    DSLContext db;
    @Autowired
    Organizations organizations;
    @Autowired
    PlatformTransactionManager transactions;

    private long anOrganization() {
        int n = ORGANIZATIONS.incrementAndGet();
        return organizations.found(new Slug("bulk-" + n), "Bulk " + n).id();
    }

    private static Object[] community(long organization, String slug, String interestAxis) {
        return new Object[] {organization, slug, "Community " + slug, null, interestAxis, "Asia/Tokyo", FOUNDED};
    }

    private List<Long> insertCommunities(List<Object[]> rows) {
        return new TransactionTemplate(transactions).execute(status ->
                bulk.insertWithNewIds(COMMUNITY, COMMUNITY.ID, COMMUNITY_FIELDS, rows));
    }

    @Test
    void textsKeepQuotesCommasAndLineBreaksAndNullStaysApartFromEmpty() {
        long organization = anOrganization();
        String awkward = "say \"hi\", then\r\na new line, and a back\\slash 日本語";

        List<Long> ids = insertCommunities(List.of(community(organization, "awkward", awkward),
                community(organization, "empty", ""), community(organization, "none", null)));

        Map<Long, String> interestAxes = db.select(COMMUNITY.ID, COMMUNITY.INTEREST_AXIS).from(COMMUNITY)
                .where(COMMUNITY.ID.in(ids)).fetchMap(COMMUNITY.ID, COMMUNITY.INTEREST_AXIS);
        assertThat(interestAxes.get(ids.get(0))).isEqualTo(awkward);
        assertThat(interestAxes.get(ids.get(1))).isEmpty();
        assertThat(interestAxes.get(ids.get(2))).isNull();
        assertThat(db.select(COMMUNITY.HASHTAG).from(COMMUNITY).where(COMMUNITY.ID.in(ids)).fetch(COMMUNITY.HASHTAG))
                .containsOnlyNulls();
        assertThat(db.select(COMMUNITY.CREATED_AT).from(COMMUNITY).where(COMMUNITY.ID.eq(ids.get(0)))
                .fetchOne(COMMUNITY.CREATED_AT).toInstant()).isEqualTo(Instant.parse("2024-05-10T10:30:15Z"));
    }

    @Test
    void newIdsLineUpWithTheRowsGivenAcrossManyStatements() {
        long organization = anOrganization();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(community(organization, "c-" + i, "axis " + i));
        }

        List<Long> ids = insertCommunities(rows);

        assertThat(ids).hasSize(2_500).doesNotHaveDuplicates();
        Map<Long, String> slugs = db.select(COMMUNITY.ID, COMMUNITY.SLUG).from(COMMUNITY)
                .where(COMMUNITY.ORGANIZATION_ID.eq(organization)).fetchMap(COMMUNITY.ID, COMMUNITY.SLUG);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(slugs.get(ids.get(i))).isEqualTo("c-" + i);
        }
    }

    @Test
    void aRowBreakingAConstraintLeavesNothingOfTheTransaction() {
        long organization = anOrganization();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            rows.add(community(organization, "ok-" + i, null));
        }
        rows.add(community(organization, "ok-7", null));

        assertThatThrownBy(() -> insertCommunities(rows)).isInstanceOf(RuntimeException.class);

        assertThat(db.fetchCount(COMMUNITY, COMMUNITY.ORGANIZATION_ID.eq(organization))).isZero();
    }

    @Test
    void plainInsertWritesEveryRow() {
        long organization = anOrganization();

        new TransactionTemplate(transactions).executeWithoutResult(status -> bulk.insert(COMMUNITY, COMMUNITY_FIELDS,
                List.of(community(organization, "one", "a,b"), community(organization, "two", null))));

        assertThat(db.select(COMMUNITY.SLUG, COMMUNITY.INTEREST_AXIS).from(COMMUNITY)
                .where(COMMUNITY.ORGANIZATION_ID.eq(organization)).orderBy(COMMUNITY.SLUG)
                .fetch(r -> r.value1() + "=" + r.value2())).containsExactly("one=a,b", "two=null");
    }
}
