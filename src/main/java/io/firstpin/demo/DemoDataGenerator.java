package io.firstpin.demo;

import io.firstpin.attendee.Attendees;
import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.BulkWriter;
import io.firstpin.platform.Slug;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the JAWS-UG-like demo organization: the organization, its communities and staff accounts through their
 * modules' services, and the bulk of members, events, registrations and check-ins with batched inserts.
 */
@Service
public class DemoDataGenerator {

    public static final String ORGANIZATION_SLUG = "jaws-demo";
    public static final String ORGANIZATION_NAME = "JAWS-UG デモ";
    public static final String ADMIN_EMAIL = "demo@firstpin.example";
    /** Works only on this machine with a local base URL; elsewhere the accounts get random passwords at start. */
    public static final String ADMIN_PASSWORD = "firstpin-demo";
    public static final List<String> ACCOUNT_EMAILS = List.of(ADMIN_EMAIL, "tokyo-leader@firstpin.example",
            "osaka-leader@firstpin.example");

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final Organizations organizations;
    private final Communities communities;
    private final StaffAccounts accounts;
    private final DSLContext db;
    private final BulkWriter bulk;
    private final Attendees attendees;

    DemoDataGenerator(Organizations organizations, Communities communities, StaffAccounts accounts, DSLContext db,
            BulkWriter bulk, Attendees attendees) {
        this.attendees = attendees;
        this.organizations = organizations;
        this.communities = communities;
        this.accounts = accounts;
        this.db = db;
        this.bulk = bulk;
    }

    /**
     * Writes the demo organization in one transaction, so that a failure leaves nothing behind. The same size, seed
     * and {@code now} always give the same data; {@code now} only anchors the history (two years up to it, a few
     * weeks of upcoming events after it).
     */
    @Transactional
    public DemoSummary generate(DemoSize size, long seed, Instant now) {
        long started = System.nanoTime();
        DemoPlan plan = DemoPlanner.plan(size, seed, now);
        long planned = System.nanoTime();

        Organization organization = organizations.found(new Slug(ORGANIZATION_SLUG), ORGANIZATION_NAME);
        long organizationId = organization.id();
        List<DemoCommunities.Spec> specs = plan.communities();
        long[] communityIds = new long[specs.size()];
        for (int c = 0; c < specs.size(); c++) {
            DemoCommunities.Spec spec = specs.get(c);
            CommunityProfile profile = CommunityProfile.of(spec.name(), spec.hashtag(), spec.interestAxis(), "Asia/Tokyo");
            communityIds[c] = communities.start(organizationId, new Slug(spec.slug()), profile,
                    c == 0 ? null : specs.get(0).slug()).id();
        }
        accounts.openWithRole(ADMIN_EMAIL, "デモ管理者", ADMIN_PASSWORD, organizationId, Role.ORGANIZATION_ADMIN);
        accounts.openWithRole(ACCOUNT_EMAILS.get(1), "東京支部リーダー（デモ）", ADMIN_PASSWORD, organizationId,
                Role.COMMUNITY_LEADER);
        accounts.openWithRole(ACCOUNT_EMAILS.get(2), "大阪支部リーダー（デモ）", ADMIN_PASSWORD, organizationId,
                Role.COMMUNITY_LEADER);

        DemoSummary summary = new DemoWriter(db, bulk).write(organizationId, communityIds, plan);
        long written = System.nanoTime();
        // the rows were written in bulk, past the writers that keep the attendees in step
        attendees.rebuild(organizationId);
        log.debug("Demo data planned in {} ms, written in {} ms, attendees counted in {} ms",
                (planned - started) / 1_000_000, (written - planned) / 1_000_000,
                (System.nanoTime() - written) / 1_000_000);
        return summary;
    }
}
