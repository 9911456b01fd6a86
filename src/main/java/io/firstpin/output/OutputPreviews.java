package io.firstpin.output;

import static io.firstpin.platform.db.Tables.OUTPUT;

import io.firstpin.platform.outbound.OutboundException;
import io.firstpin.platform.outbound.OutboundHttp;
import io.firstpin.platform.outbound.OutboundResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Fetches the title and picture of outputs that came in by their address alone, through the one guarded outbound
 * client, so a submitted link to a private address is refused like any other fetch. Each output is tried once; a
 * title someone typed is kept.
 */
@Service
public class OutputPreviews {

    private static final Logger log = LoggerFactory.getLogger(OutputPreviews.class);
    private static final List<String> FETCHED_FOR = List.of(OutputSource.SUBMITTED.name(), OutputSource.STAFF.name(),
            OutputSource.IMPORT.name());

    private final DSLContext db;
    private final OutboundHttp http;

    OutputPreviews(DSLContext db, OutboundHttp http) {
        this.db = db;
        this.http = http;
    }

    /** Fetches the previews not tried yet, oldest first, at most {@code limit}; answers how many were tried. */
    public int fetchDue(int limit) {
        var due = db.select(OUTPUT.ID, OUTPUT.URL)
                .from(OUTPUT)
                .where(OUTPUT.PREVIEW_STATE.isNull())
                .and(OUTPUT.SOURCE.in(FETCHED_FOR))
                .orderBy(OUTPUT.ID)
                .limit(limit)
                .fetch();
        due.forEach(row -> fetch(row.value1(), row.value2()));
        return due.size();
    }

    private void fetch(long outputId, String url) {
        try {
            OutboundResponse page = http.get(url, Map.of("Accept", "text/html"));
            String type = page.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (!page.ok()) {
                failed(outputId, "HTTP " + page.status());
            } else if (!type.contains("html")) {
                failed(outputId, "not a web page: " + type);
            } else {
                fetched(outputId, PagePreview.of(page.text(), page.uri()));
            }
        } catch (OutboundException | IllegalArgumentException unreachable) {
            log.info("No preview for output {} ({}): {}", outputId, url, unreachable.getMessage());
            failed(outputId, unreachable.getMessage());
        }
    }

    private void fetched(long outputId, PagePreview preview) {
        db.update(OUTPUT)
                .set(OUTPUT.TITLE, DSL.coalesce(OUTPUT.TITLE, DSL.val(preview.title())))
                .set(OUTPUT.PREVIEW_IMAGE, preview.image())
                .set(OUTPUT.PREVIEW_STATE, "FETCHED")
                .set(OUTPUT.PREVIEW_ERROR, (String) null)
                .where(OUTPUT.ID.eq(outputId))
                .execute();
    }

    private void failed(long outputId, String why) {
        String reason = why == null ? "" : why.length() > 500 ? why.substring(0, 499) + "…" : why;
        db.update(OUTPUT)
                .set(OUTPUT.PREVIEW_STATE, "FAILED")
                .set(OUTPUT.PREVIEW_ERROR, reason)
                .where(OUTPUT.ID.eq(outputId))
                .execute();
    }
}
