package io.firstpin.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute links to public pages, built from FIRSTPIN_BASE_URL so they work in emails, calendars and API answers. */
@Component
public class PublicUrls {

    private final String baseUrl;

    PublicUrls(@Value("${firstpin.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String base() {
        return baseUrl;
    }

    public String community(String slug) {
        return baseUrl + "/c/" + slug;
    }

    public String event(long id) {
        return baseUrl + "/e/" + id;
    }
}
