package io.firstpin.attendee.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Ids in sorted chunks of a size one statement takes, as locks are taken in id order; times as the rows keep them. */
final class Rows {

    static final int CHUNK = 1000;

    private Rows() {
    }

    static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> sorted = new ArrayList<>(new TreeSet<>(ids));
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            chunks.add(sorted.subList(from, Math.min(sorted.size(), from + CHUNK)));
        }
        return chunks;
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
