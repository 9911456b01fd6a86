package io.firstpin.attendee.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** The lock rows of events and members, taken in id order by every refresh, so that refreshes never deadlock. */
@Component
class RowLocks {

    private static final int ATTEMPTS = 5;

    private final DSLContext db;

    RowLocks(DSLContext db) {
        this.db = db;
    }

    /**
     * Takes the lock rows of these ids in id order, creating the missing ones first when there are any. On H2 two
     * transactions creating one row can clash instead of one waiting for the other; the statement is then tried again.
     */
    void lock(Set<Long> ids, TableField<?, Long> id, Function<List<Long>, Integer> createMissing) {
        for (List<Long> chunk : Rows.chunks(ids)) {
            if (db.fetchCount(id.getTable(), id.in(chunk)) < chunk.size()) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        createMissing.apply(chunk);
                        break;
                    } catch (DuplicateKeyException clash) {
                        if (attempt == ATTEMPTS) {
                            throw clash;
                        }
                    }
                }
            }
            db.select(id).from(id.getTable()).where(id.in(chunk)).orderBy(id).forUpdate().fetch();
        }
    }
}
