package io.firstpin.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PagePreviewTests {

    private static final URI POST = URI.create("https://blog.example.jp/entry/2030/06/01/jaws");

    @Test
    void theOpenGraphTagsGiveTitleAndPictureWhateverTheAttributeOrder() {
        PagePreview preview = PagePreview.of("""
                <html><head><title>ブログ | Example</title>
                <meta content="JAWS-UG 大阪 &amp; 勉強会レポート" property="og:title">
                <meta property='og:image' content='/images/ogp.png'>
                </head></html>""", POST);

        assertThat(preview.title()).isEqualTo("JAWS-UG 大阪 & 勉強会レポート");
        assertThat(preview.image()).isEqualTo("https://blog.example.jp/images/ogp.png");
    }

    @Test
    void withoutOpenGraphTheTitleTagAndTwitterCardServe() {
        PagePreview preview = PagePreview.of("""
                <head><TITLE>
                  LT資料 &#x1F680; まとめ
                </TITLE><meta name="twitter:image" content="https://cdn.example.com/card.jpg"></head>""", POST);

        assertThat(preview.title()).isEqualTo("LT資料 🚀 まとめ");
        assertThat(preview.image()).isEqualTo("https://cdn.example.com/card.jpg");
    }

    @Test
    void aPictureNotServedOverHttpsIsLeftOut() {
        assertThat(PagePreview.of("<meta property=\"og:image\" content=\"http://insecure.example.com/a.png\">", POST)
                .image()).isNull();
        assertThat(PagePreview.of("<meta property=\"og:image\" content=\"javascript:alert(1)\">", POST).image())
                .isNull();
    }

    @Test
    void aPageWithoutEitherHasNoPreview() {
        assertThat(PagePreview.of("<p>no head at all</p>", POST).isEmpty()).isTrue();
        assertThat(PagePreview.of("<title>   </title>", POST).isEmpty()).isTrue();
    }
}
