package io.firstpin.event.web;

import java.util.Map;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * An event's description as organizers write it, in Markdown (CommonMark), made safe for the public page: HTML typed
 * into it is shown as text, never run, and links other than http, https and mailto lose their address.
 */
@Component
class EventDescriptions {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    // organizers' links are theirs, not the site's: no ranking credit, no window.opener
                    attributes.putAll(Map.of("rel", "nofollow ugc noopener noreferrer"));
                }
            })
            .build();

    String html(String markdown) {
        return markdown == null ? "" : renderer.render(parser.parse(markdown));
    }
}
