package io.firstpin.platform.outbound;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * The answer of the last hop of a fetch.
 *
 * @param uri where the answer came from, after redirects
 */
public record OutboundResponse(URI uri, int status, HttpHeaders headers, byte[] body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean notModified() {
        return status == 304;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as text, in the charset the Content-Type names; UTF-8 when it names none or an unknown one. */
    public String text() {
        return new String(body, charset().orElse(StandardCharsets.UTF_8));
    }

    public Optional<Charset> charset() {
        String contentType = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int at = contentType.indexOf("charset=");
        if (at < 0) {
            return Optional.empty();
        }
        String name = contentType.substring(at + "charset=".length()).split(";")[0].replace("\"", "").strip();
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return Optional.empty();
        }
    }
}
