package io.firstpin.event;

import io.firstpin.platform.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.data.relational.core.mapping.Table;

/** A link to what a session left behind: slides, a video, anything else. */
@Table("session_material")
public record Material(MaterialKind kind, String url, String title) {

    public Material {
        if (!isWebAddress(url)) {
            throw InvalidInputException.of("url", "validation.url");
        }
        title = title == null || title.isBlank() ? null : title.strip();
    }

    public static Material link(String url, String title) {
        String trimmed = url == null ? "" : url.strip();
        return new Material(MaterialKind.fromUrl(trimmed), trimmed, title);
    }

    static boolean isWebAddress(String url) {
        if (url == null || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
