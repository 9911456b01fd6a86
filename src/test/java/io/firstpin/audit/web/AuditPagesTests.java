package io.firstpin.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.firstpin.identity.Role;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.ScopedOrganization;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/** The audit log page: filters, the CSV link with the same filters, in both languages, for whole-organization admins. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class AuditPagesTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    @Test
    void anAdminFiltersTheLogByActionAndGetsTheSameFilterAsCsv() throws Exception {
        ScopedOrganization org = ScopedOrganization.found(context, "audit-page-filter");
        MockHttpSession admin = org.signedIn(mvc, Role.ORGANIZATION_ADMIN, null);
        org.token(Role.VIEWER, org.tokyo());
        String page = "/manage/" + org.slug() + "/audit";

        MvcResult all = perform(get(page).session(admin));
        MvcResult tokensOnly = perform(get(page).session(admin).param("action", "token.issued"));
        MvcResult csv = perform(get("/manage/" + org.slug() + "/audit.csv").session(admin)
                .param("action", "token.issued"));

        assertThat(all.getResponse().getContentAsString()).contains("token.issued", "grant.changed");
        assertThat(tokensOnly.getResponse().getContentAsString()).contains("token.issued")
                .doesNotContain("<code>grant.changed</code>")
                .contains("/manage/" + org.slug() + "/audit.csv?action=token.issued");
        assertThat(csv.getResponse().getContentAsString()).contains("token.issued").doesNotContain("grant.changed");
    }

    @Test
    void aDayRangeWithoutTodayShowsNothingAndTheHtmxFilterGetsOnlyTheResults() throws Exception {
        ScopedOrganization org = ScopedOrganization.found(context, "audit-page-days");
        MockHttpSession admin = org.signedIn(mvc, Role.ORGANIZATION_ADMIN, null);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String page = "/manage/" + org.slug() + "/audit";

        MvcResult yesterday = perform(get(page).session(admin).header("HX-Request", "true")
                .param("from", today.minusDays(2).toString()).param("to", today.minusDays(1).toString()));
        MvcResult todayToo = perform(get(page).session(admin).header("HX-Request", "true")
                .param("from", today.minusDays(1).toString()).param("to", today.toString()));

        assertThat(yesterday.getResponse().getContentAsString()).doesNotContain("<html", "grant.changed")
                .contains("id=\"audit-results\"");
        assertThat(todayToo.getResponse().getContentAsString()).contains("grant.changed");
    }

    @Test
    void aWrongDateIsExplainedInJapaneseAndEnglishNotA500() throws Exception {
        ScopedOrganization org = ScopedOrganization.found(context, "audit-page-dates");
        MockHttpSession admin = org.signedIn(mvc, Role.ORGANIZATION_ADMIN, null);
        String page = "/manage/" + org.slug() + "/audit";

        MvcResult japanese = perform(get(page).session(admin).header("Accept-Language", "ja").param("from", "昨日"));
        MvcResult english = perform(get(page).session(admin).header("Accept-Language", "en")
                .param("from", "2026-03-02").param("to", "2026-03-01"));

        assertThat(japanese.getResponse().getStatus()).isEqualTo(200);
        assertThat(japanese.getResponse().getContentAsString()).contains("監査ログ", "のような日付を入力してください");
        assertThat(english.getResponse().getContentAsString()).contains("Audit log",
                "The end day comes before the start day.");
    }

    @Test
    void onlyAdminsOfTheWholeOrganizationSeeTheLogAndOtherOrganizationsGet404() throws Exception {
        ScopedOrganization org = ScopedOrganization.found(context, "audit-page-roles");
        ScopedOrganization other = ScopedOrganization.found(context, "audit-page-other");
        MockHttpSession tokyoAdmin = org.signedIn(mvc, Role.ORGANIZATION_ADMIN, org.tokyo());
        MockHttpSession viewer = org.signedIn(mvc, Role.VIEWER, null);
        MockHttpSession admin = org.signedIn(mvc, Role.ORGANIZATION_ADMIN, null);

        assertThat(status(get("/manage/" + org.slug() + "/audit").session(tokyoAdmin))).isEqualTo(403);
        assertThat(status(get("/manage/" + org.slug() + "/audit").session(viewer))).isEqualTo(403);
        assertThat(status(get("/manage/" + other.slug() + "/audit").session(admin))).isEqualTo(404);
        assertThat(status(get("/manage/" + org.slug() + "/audit"))).isEqualTo(302);
    }

    private int status(RequestBuilder request) throws Exception {
        return perform(request).getResponse().getStatus();
    }

    private MvcResult perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }
}
