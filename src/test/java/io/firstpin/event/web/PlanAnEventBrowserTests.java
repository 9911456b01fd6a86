package io.firstpin.event.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanAnEventBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    StaffAccounts accounts;

    @Test
    void aLeaderCreatesACommunityAndAnEventWithTwoFramesInJapaneseAndSeesThemOnThePublicPages() {
        Organization organization = organizations.found(new Slug("browser-org"), "ブラウザ組織");
        accounts.openWithRole("admin@browser.test", "管理者", "correct horse battery", organization.id(),
                Role.ORGANIZATION_ADMIN);

        try (Browser browser = Browser.open(port, "ja")) {
            browser.signIn("admin@browser.test", "correct horse battery");
            assertThat(browser.find(By.id("new-community")).getText()).isEqualTo("新しいコミュニティ");

            browser.click(By.id("new-community"))
                    .type(By.id("name"), "JAWS-UG 札幌")
                    .type(By.id("slug"), "jaws-ug-sapporo")
                    .type(By.id("interestAxis"), "北海道で AWS を使うすべての人のために")
                    .type(By.id("hashtag"), "#jawsug_sapporo")
                    .click(By.cssSelector("#community-form button[type=submit]"));

            browser.click(By.id("new-event"))
                    .type(By.id("title"), "JAWS-UG 札幌 #10 サーバーレス特集")
                    .set(By.id("startsAt"), "2027-01-15T19:00")
                    .set(By.id("endsAt"), "2027-01-15T21:00")
                    .type(By.id("venueName"), "札幌駅前会議室")
                    .type(By.id("city"), "札幌市");
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("prefecture"))).selectByValue("JP-01");
            browser.type(By.id("frames0.name"), "一般枠").type(By.id("frames0.capacity"), "60")
                    .type(By.id("frames1.name"), "懇親会枠").type(By.id("frames1.capacity"), "30")
                    .type(By.id("sessions0.title"), "最新アップデート")
                    .type(By.id("sessions0.speakers"), "北海 太郎")
                    .click(By.id("save-event"));

            assertThat(browser.find(By.id("frames")).getText()).contains("一般枠", "懇親会枠");
            String eventPath = browser.find(By.linkText("公開ページ")).getAttribute("href");

            browser.visit("/c/jaws-ug-sapporo");
            assertThat(browser.text()).contains("JAWS-UG 札幌", "北海道で AWS を使うすべての人のために",
                    "JAWS-UG 札幌 #10 サーバーレス特集");
            browser.click(By.linkText("JAWS-UG 札幌 #10 サーバーレス特集"));

            assertThat(browser.path()).isEqualTo(eventPath.substring(eventPath.indexOf("/e/")));
            assertThat(browser.find(By.id("frames")).getText()).contains("一般枠", "60", "懇親会枠", "30");
            assertThat(browser.text()).contains("北海道", "最新アップデート", "北海 太郎", "2027年1月15日");

            browser.click(By.id("lang-en"));
            assertThat(browser.find(By.id("frames")).getText()).contains("Seats left");
        }
    }
}
