package io.firstpin.output.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.output.FeedItem;
import io.firstpin.output.internal.FeedReader.UnreadableFeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTests {

    private static final URI FEED = URI.create("https://blog.example.com/feed");

    private final FeedReader reader = new FeedReader();

    static byte[] fixture(String name) {
        try (InputStream in = FeedReaderTests.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<FeedItem> read(String name, String contentType) throws UnreadableFeed {
        return reader.read(fixture(name), contentType, FEED);
    }

    @Test
    void readsHatenaBlogAtomWithItsPublishedTimeAndHtmlContent() throws UnreadableFeed {
        List<FeedItem> items = read("hatena-blog.atom", "application/atom+xml; charset=utf-8");

        assertThat(items).hasSize(2);
        assertThat(items.get(0).url()).isEqualTo("https://taro-dev.hatenablog.com/entry/2026/05/16/221000");
        assertThat(items.get(0).title()).isEqualTo("Firstpin UG #12 に参加しました");
        assertThat(items.get(0).publishedAt()).isEqualTo(Instant.parse("2026-05-16T13:10:00Z"));
        assertThat(items.get(0).content()).contains("ブログ書くまでが勉強会");
    }

    @Test
    void readsNoteRss() throws UnreadableFeed {
        List<FeedItem> items = read("note.rss", "application/rss+xml");

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.url()).isEqualTo("https://note.com/hanako_cm/n/n1a2b3c4d5e6f");
            assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-05-17T00:00:12Z"));
            assertThat(item.content()).contains("{{eventUrl}}");
        });
    }

    @Test
    void readsQiitaAtomWithItsAlternateLink() throws UnreadableFeed {
        List<FeedItem> items = read("qiita.atom", null);

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.url()).isEqualTo("https://qiita.com/jiro_eng/items/0123456789abcdef0123");
            assertThat(item.content()).contains("＃firstpinug");
        });
    }

    @Test
    void readsZennRss() throws UnreadableFeed {
        assertThat(read("zenn.rss", "application/xml")).extracting(FeedItem::url).containsExactly(
                "https://zenn.dev/saburo/articles/4f1c2e3d5a6b7c", "https://zenn.dev/saburo/articles/9e8d7c6b5a4f3e");
    }

    @Test
    void readsMediumRssWithItsFullContent() throws UnreadableFeed {
        assertThat(read("medium.rss", "text/xml; charset=UTF-8")).singleElement().satisfies(item -> {
            assertThat(item.content()).contains("a study session in Tokyo");
            assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-05-18T01:00:00Z"));
        });
    }

    @Test
    void readsDevToRss() throws UnreadableFeed {
        assertThat(read("devto.rss", "application/rss+xml")).extracting(FeedItem::title)
                .containsExactly("Notes from #FirstpinUG: self-running communities", "Planning the Osaka chapter");
    }

    @Test
    void readsWordPressRssWithContentEncoded() throws UnreadableFeed {
        assertThat(read("wordpress.rss", "application/rss+xml; charset=UTF-8")).singleElement().satisfies(item -> {
            assertThat(item.url()).isEqualTo("https://rokuro.example.jp/2026/06/10/firstpin-ug-report/");
            assertThat(item.content()).contains("{{eventUrl}}/?utm_source=blog");
        });
    }

    @Test
    void readsRss10RdfWithDublinCoreDates() throws UnreadableFeed {
        assertThat(read("hatena-bookmark.rdf", "application/rdf+xml")).singleElement().satisfies(item -> {
            assertThat(item.url()).isEqualTo("https://nanami.example.com/posts/live-notes");
            assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-05-15T11:30:00Z"));
        });
    }

    @Test
    void anHtmlPageOrGarbageIsUnreadable() {
        assertThatThrownBy(() -> reader.read("<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8),
                "text/html", FEED)).isInstanceOf(UnreadableFeed.class);
        assertThatThrownBy(() -> reader.read(new byte[] {0, 1, 2, 3, (byte) 0xff}, null, FEED))
                .isInstanceOf(UnreadableFeed.class);
    }

    @Test
    void aFeedWithADocumentTypeDeclarationIsRefusedSoNoEntityIsExpanded() {
        String withEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>x</title><link>https://example.com/</link><description>x</description>
                <item><title>&secret;</title><link>https://example.com/a</link></item></channel></rss>
                """;

        assertThatThrownBy(() -> reader.read(withEntity.getBytes(StandardCharsets.UTF_8), "application/rss+xml", FEED))
                .isInstanceOf(UnreadableFeed.class);
    }
}
