package io.firstpin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.firstpin.testing.DatabaseTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class LocaleTests {

    @Autowired
    MockMvc mvc;

    @Test
    void pagesFollowAcceptLanguage() throws Exception {
        String japanese = mvc.perform(get("/login").header("Accept-Language", "ja-JP,ja;q=0.9")).andReturn()
                .getResponse().getContentAsString();
        String english = mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.9")).andReturn()
                .getResponse().getContentAsString();

        assertThat(japanese).contains("ログイン").contains("lang=\"ja\"");
        assertThat(english).contains("Sign in").contains("lang=\"en\"");
    }

    @Test
    void theSwitcherOverridesTheBrowserAndIsRemembered() throws Exception {
        MvcResult switched = mvc.perform(get("/login").param("lang", "en").header("Accept-Language", "ja")).andReturn();
        Cookie remembered = switched.getResponse().getCookie("firstpin-lang");

        String next = mvc.perform(get("/login").cookie(remembered).header("Accept-Language", "ja")).andReturn()
                .getResponse().getContentAsString();

        assertThat(switched.getResponse().getContentAsString()).contains("Sign in");
        assertThat(next).contains("Sign in");
    }
}
