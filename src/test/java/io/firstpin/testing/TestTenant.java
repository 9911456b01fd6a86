package io.firstpin.testing;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.identity.ApiTokens;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.identity.TokenTerms;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A test's own organization with one community (in Asia/Tokyo), and what tests do with it: lay down its history
 * ({@link #history()}), sign staff in with a role through the real login form, in MockMvc or in a browser
 * ({@link #staff}), issue API tokens ({@link #token}) and name its staff pages. Every {@link #found} makes a new
 * organization, so tests sharing a database never see each other's data.
 */
public final class TestTenant {

    private final ApplicationContext context;
    private final Organization organization;
    private final Community community;

    private TestTenant(ApplicationContext context, Organization organization, Community community) {
        this.context = context;
        this.organization = organization;
        this.community = community;
    }

    /**
     * A new organization whose slug starts with {@code prefix}, with one community named {@code communityName}.
     */
    public static TestTenant found(ApplicationContext context, String prefix, String communityName) {
        return found(context, prefix, null, CommunityProfile.of(communityName, null, null, "Asia/Tokyo"));
    }

    /** As {@link #found(ApplicationContext, String, String)}, for a test that needs the community's hashtag or text. */
    public static TestTenant found(ApplicationContext context, String prefix, CommunityProfile profile) {
        return found(context, prefix, null, profile);
    }

    /** As {@link #found(ApplicationContext, String, CommunityProfile)}, for a page that shows the organization's name. */
    public static TestTenant found(ApplicationContext context, String prefix, String organizationName,
            CommunityProfile profile) {
        String slug = prefix + "-" + System.nanoTime();
        Organization organization = context.getBean(Organizations.class).found(new Slug(slug),
                organizationName == null ? "Org " + slug : organizationName);
        Community community = context.getBean(Communities.class).start(organization.id(), new Slug(slug + "-c"),
                profile, null);
        return new TestTenant(context, organization, community);
    }

    public Organization organization() {
        return organization;
    }

    public long id() {
        return organization.id();
    }

    public String slug() {
        return organization.slug();
    }

    public Community community() {
        return community;
    }

    /** The community's history, laid down as an import would: members, events, check-ins, outputs, leaders. */
    public CommunityHistory history() {
        return historyOf(community);
    }

    /** The history of another community of the organization, such as a branch. */
    public CommunityHistory historyOf(Community other) {
        return new CommunityHistory(context.getBean(DSLContext.class), context.getBean(Communities.class), context,
                other);
    }

    /** Opens a new staff account with the role in the whole organization and signs it in through the login form. */
    public MockHttpSession staff(MockMvc mvc, Role role) {
        return StaffLogin.newStaff(mvc, accounts(), organization, role);
    }

    /** As {@link #staff(MockMvc, Role)}, with the name the pages show for the account. */
    public MockHttpSession staff(MockMvc mvc, Role role, String name) {
        return StaffLogin.signIn(mvc, StaffLogin.openAccount(accounts(), organization, role, name),
                StaffLogin.PASSWORD);
    }

    /** Opens a new staff account with the role and signs it in through the login form in a real browser. */
    public Browser staff(Browser browser, Role role) {
        return browser.signIn(StaffLogin.openAccount(accounts(), organization, role, "Staff " + role),
                StaffLogin.PASSWORD);
    }

    private StaffAccounts accounts() {
        return context.getBean(StaffAccounts.class);
    }

    /** A new API token of the organization with the role, in the whole organization. */
    public String token(Role role) {
        return context.getBean(ApiTokens.class).issue(organization.id(),
                new TokenTerms(role + " token", role, null, null)).token();
    }

    /** A staff path of the organization: {@code manage("/events")} is {@code /manage/<slug>/events}. */
    public String manage(String rest) {
        return "/manage/" + slug() + rest;
    }

    /** A staff path of the community: {@code ofCommunity("/dashboard")}. */
    public String ofCommunity(String rest) {
        return manage("/communities/" + community.slug() + rest);
    }
}
