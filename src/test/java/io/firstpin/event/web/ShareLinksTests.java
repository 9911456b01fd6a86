package io.firstpin.event.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.event.Venue;
import io.firstpin.platform.geo.Prefecture;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ShareLinksTests {

    @Test
    void eachSiteGetsThePageAddressAndTitlePercentEncodedAndNothingElse() {
        ShareLinks share = ShareLinks.of("https://events.example.com/e/42", "JAWS-UG 東京 #50 & 懇親会");

        assertThat(share.links()).extracting(ShareLinks.Link::href).containsExactly(
                "https://x.com/intent/post?text=JAWS-UG%20%E6%9D%B1%E4%BA%AC%20%2350%20%26%20%E6%87%87%E8%A6%AA%E4%BC%9A"
                        + "&url=https%3A%2F%2Fevents.example.com%2Fe%2F42",
                "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fevents.example.com%2Fe%2F42",
                "https://b.hatena.ne.jp/add?mode=confirm&url=https%3A%2F%2Fevents.example.com%2Fe%2F42"
                        + "&title=JAWS-UG%20%E6%9D%B1%E4%BA%AC%20%2350%20%26%20%E6%87%87%E8%A6%AA%E4%BC%9A",
                "https://social-plugins.line.me/lineit/share?url=https%3A%2F%2Fevents.example.com%2Fe%2F42");
        assertThat(share.links()).extracting(ShareLinks.Link::name)
                .containsExactly("X", "Facebook", "はてなブックマーク", "LINE");
    }

    @Test
    void theMapSearchesTheVenueByNameAndAddressAndAnEventWithoutOneHasNoMap() {
        String map = ShareLinks.mapOf(new Venue("目黒セントラルスクエア", "上大崎3-1-1", Prefecture.TOKYO, "品川区"),
                Locale.JAPANESE);

        assertThat(map).isEqualTo("https://www.google.com/maps/search/?api=1&query="
                + "%E7%9B%AE%E9%BB%92%E3%82%BB%E3%83%B3%E3%83%88%E3%83%A9%E3%83%AB%E3%82%B9%E3%82%AF%E3%82%A8%E3%82%A2"
                + "%20%E6%9D%B1%E4%BA%AC%E9%83%BD%20%E5%93%81%E5%B7%9D%E5%8C%BA%20%E4%B8%8A%E5%A4%A7%E5%B4%8E3-1-1");
        assertThat(ShareLinks.mapOf(null, Locale.JAPANESE)).isNull();
    }
}
