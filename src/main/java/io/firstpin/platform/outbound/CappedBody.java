package io.firstpin.platform.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.HttpEntity;

/** Reads a response body up to a limit and gives up as soon as it goes beyond, or says in advance that it will. */
final class CappedBody {

    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes");
        }
    }

    private CappedBody() {
    }

    static byte[] read(HttpEntity entity, long limit) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > limit) {
            throw new TooLarge(limit);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        // not closed here: closing reads the rest of the body, which the caller drops with the connection instead
        InputStream in = entity.getContent();
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            if (bytes.size() + (long) read > limit) {
                throw new TooLarge(limit);
            }
            bytes.write(buffer, 0, read);
        }
        return bytes.toByteArray();
    }
}
