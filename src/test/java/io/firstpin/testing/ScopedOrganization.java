package io.firstpin.testing;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.identity.ApiTokens;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.identity.TokenTerms;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.segment.MemberSegment;
import io.firstpin.segment.SegmentCriteria;
import io.firstpin.segment.Segments;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An organization split by community, for tests of roles that hold in one community: Tokyo (with its Shibuya branch)
 * and Osaka, each with a past event, a member known only there (with an email) and a segment. Staff accounts and API
 * tokens are made with a role in one of them, or in the whole organization.
 */
public final class ScopedOrganization {

    public static final String PASSWORD = "Shibuya branch leader 2026 phrase";

    private final ApplicationContext context;
    private final Organization organization;
    private final Community tokyo;
    private final Community shibuya;
    private final Community osaka;
    private final long tokyoEvent;
    private final long shibuyaEvent;
    private final long osakaEvent;
    private final long tokyoMember;
    private final long shibuyaMember;
    private final long osakaMember;
    private final MemberSegment tokyoSegment;
    private final MemberSegment osakaSegment;

    private ScopedOrganization(ApplicationContext context, String slug) {
        this.context = context;
        Communities communities = context.getBean(Communities.class);
        Members members = context.getBean(Members.class);
        organization = context.getBean(Organizations.class).found(new Slug(slug), "Org " + slug);
        tokyo = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("Tokyo", null, null, "Asia/Tokyo"), null);
        shibuya = communities.start(organization.id(), new Slug(slug + "-shibuya"),
                CommunityProfile.of("Shibuya", null, null, "Asia/Tokyo"), tokyo.slug());
        osaka = communities.start(organization.id(), new Slug(slug + "-osaka"),
                CommunityProfile.of("Osaka", null, null, "Asia/Tokyo"), null);
        tokyoMember = member(members, "Tokyo Taro", slug + "-tokyo@example.com");
        shibuyaMember = member(members, "Shibuya Hanako", slug + "-shibuya@example.com");
        osakaMember = member(members, "Osaka Jiro", slug + "-osaka@example.com");
        tokyoEvent = history(tokyo).eventAt("2026-01-15T19:00", "JP-13", "千代田区").checkedIn(tokyoMember).id();
        shibuyaEvent = history(shibuya).eventAt("2026-01-20T19:00", "JP-13", "渋谷区").checkedIn(shibuyaMember).id();
        osakaEvent = history(osaka).eventAt("2026-01-22T19:00", "JP-27", "大阪市").checkedIn(osakaMember).id();
        Segments segments = context.getBean(Segments.class);
        SegmentCriteria anyone = SegmentCriteria.parse("1", "120", "any", "any", null, false);
        tokyoSegment = segments.create(organization.id(), tokyo.slug(), true, "Tokyo regulars", anyone);
        osakaSegment = segments.create(organization.id(), osaka.slug(), false, "Osaka regulars", anyone);
    }

    /** Founds the organization; {@code slug} must be new in the test's database. */
    public static ScopedOrganization found(ApplicationContext context, String slug) {
        return new ScopedOrganization(context, slug);
    }

    private CommunityHistory history(Community community) {
        return new CommunityHistory(context.getBean(DSLContext.class), context.getBean(Communities.class),
                context, community);
    }

    private long member(Members members, String name, String email) {
        return members.register(organization.id(), name, List.of(IdentityInput.of("email", email))).id();
    }

    /** A new API token of the organization with this role, in one community (null: all of it). */
    public String token(Role role, Community community) {
        return token(role, community, null);
    }

    public String token(Role role, Community community, Instant expiresAt) {
        return context.getBean(ApiTokens.class).issue(organization.id(),
                new TokenTerms(role + " token", role, community == null ? null : community.id(), expiresAt)).token();
    }

    /** Opens a staff account with this role in one community (null: all of it) and signs it in. */
    public MockHttpSession signedIn(MockMvc mvc, Role role, Community community) {
        String email = role.name().toLowerCase() + "-" + (community == null ? "all" : community.slug()) + "@"
                + organization.slug() + ".test";
        StaffAccounts accounts = context.getBean(StaffAccounts.class);
        long account = accounts.openWithRole(email, "Staff " + email, PASSWORD, organization.id(), Role.VIEWER).id();
        accounts.changeGrant(organization.id(), account, role, community == null ? null : community.id(), account, true);
        return StaffLogin.signIn(mvc, email, PASSWORD);
    }

    public Organization organization() {
        return organization;
    }

    public String slug() {
        return organization.slug();
    }

    public Community tokyo() {
        return tokyo;
    }

    /** A branch of Tokyo: a role held in Tokyo holds here too. */
    public Community shibuya() {
        return shibuya;
    }

    public Community osaka() {
        return osaka;
    }

    public long tokyoEvent() {
        return tokyoEvent;
    }

    public long shibuyaEvent() {
        return shibuyaEvent;
    }

    public long osakaEvent() {
        return osakaEvent;
    }

    /** Took part in Tokyo only. */
    public long tokyoMember() {
        return tokyoMember;
    }

    /** Took part in the Shibuya branch only. */
    public long shibuyaMember() {
        return shibuyaMember;
    }

    /** Took part in Osaka only. */
    public long osakaMember() {
        return osakaMember;
    }

    public MemberSegment tokyoSegment() {
        return tokyoSegment;
    }

    public MemberSegment osakaSegment() {
        return osakaSegment;
    }
}
