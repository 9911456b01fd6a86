package io.firstpin.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * A page as a browser with htmx shows it: the page, then every part it loads from other controllers once shown
 * ({@code hx-trigger="load"}), fetched as htmx fetches them and appended in page order.
 */
public final class HtmxPage {

    private static final Pattern LOADED_PART = Pattern.compile(
            "<[^>]*\\bhx-get=\"([^\"]+)\"[^>]*\\bhx-trigger=\"load\"[^>]*>");

    private HtmxPage() {
    }

    /** The page and its parts as an anonymous visitor sees them, or the page alone if it did not answer 200. */
    public static MockHttpServletResponse fetch(MockMvc mvc, String path, String language) throws Exception {
        return fetch(mvc, new MockHttpSession(), path, language);
    }

    /** The page and its parts, or the page alone if it did not answer 200. */
    public static MockHttpServletResponse fetch(MockMvc mvc, MockHttpSession session, String path, String language)
            throws Exception {
        MockHttpServletResponse page = mvc.perform(get(path).session(session).header("Accept-Language", language))
                .andReturn().getResponse();
        if (page.getStatus() != 200) {
            return page;
        }
        StringBuilder html = new StringBuilder(page.getContentAsString());
        Matcher part = LOADED_PART.matcher(page.getContentAsString());
        while (part.find()) {
            MockHttpServletResponse loaded = mvc.perform(get(HtmlUtils.htmlUnescape(part.group(1))).session(session)
                    .header("Accept-Language", language).header("HX-Request", "true")).andReturn().getResponse();
            if (loaded.getStatus() != 200) {
                throw new AssertionError("the part " + part.group(1) + " of " + path + " answered " + loaded.getStatus());
            }
            html.append('\n').append(loaded.getContentAsString());
        }
        MockHttpServletResponse whole = new MockHttpServletResponse();
        whole.setStatus(200);
        whole.setCharacterEncoding("UTF-8");
        whole.getWriter().write(html.toString());
        return whole;
    }
}
