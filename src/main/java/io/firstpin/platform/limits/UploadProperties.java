package io.firstpin.platform.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize the largest multipart request any path takes unless an {@link UploadLimit} raises it for its
 *        own: no form of the application but the imports uploads files
 */
@ConfigurationProperties("firstpin.uploads")
public record UploadProperties(@DefaultValue("1MB") DataSize maxRequestSize) {

    public UploadProperties {
        if (maxRequestSize.toBytes() <= 0) {
            throw new IllegalArgumentException("firstpin.uploads.max-request-size must be positive");
        }
    }
}
