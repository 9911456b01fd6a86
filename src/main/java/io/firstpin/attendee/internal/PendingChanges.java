package io.firstpin.attendee.internal;

import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The changes of the current transaction. The events are recounted just before it commits: taking those locks at the
 * end of a transaction, after every other lock it takes, keeps them out of any lock cycle with the registration's frame
 * locks or an event's edit. The members that makes due are walked after it commits, by a background thread with
 * connections of its own, so that a rush of registrations neither holds its frame lock while they are walked nor waits
 * for a second connection; until then they are marked due in the database, and whoever reads the walks walks them
 * first ({@link #catchUp}), so a reader never sees a stale walk, even after a crash. The changes live in the
 * transaction's own synchronization, so a transaction started inside another one (as imports do per file) applies its
 * own when it commits.
 */
@Component
public class PendingChanges {

    private static final Logger log = LoggerFactory.getLogger(PendingChanges.class);

    private final AttendeeRefresh refresh;
    private final TransactionTemplate separately;
    private final ExecutorService walker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "attendee-walker");
        thread.setDaemon(true);
        return thread;
    });

    PendingChanges(AttendeeRefresh refresh, PlatformTransactionManager transactions) {
        this.refresh = refresh;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @PreDestroy
    void stop() {
        // walks not started stay due in the database
        walker.shutdownNow();
    }

    public void record(Consumer<Changes> change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            Changes changes = new Changes();
            change.accept(changes);
            separately.executeWithoutResult(status -> refresh.apply(changes));
            return;
        }
        Pending pending = current();
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        change.accept(pending.changes);
    }

    /**
     * Brings the walks up to date for a reader: this transaction's own changes are applied in it; otherwise the walks
     * already handed to the background thread are waited for, and the members still due (a failed walk, a restart)
     * are walked in a transaction of its own.
     */
    public void catchUp() {
        Pending pending = TransactionSynchronizationManager.isSynchronizationActive() ? current() : null;
        if (pending != null) {
            pending.applyHere();
            return;
        }
        try {
            // the walks handed to the background thread before this call finish first
            walker.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RejectedExecutionException e) {
            log.debug("The background walker is gone; the members due are walked here: {}", e.toString());
        }
        separately.executeWithoutResult(status -> refresh.walk(refresh.due()));
    }

    private static Pending current() {
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Pending.class::isInstance).map(Pending.class::cast).findFirst().orElse(null);
    }

    private final class Pending implements TransactionSynchronization {

        private final Changes changes = new Changes();
        private final Set<Long> due = new TreeSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!changes.isEmpty()) {
                due.addAll(refresh.recount(changes.drain()));
            }
        }

        @Override
        public void afterCommit() {
            if (due.isEmpty()) {
                return;
            }
            Set<Long> members = Set.copyOf(due);
            try {
                walker.execute(() -> {
                    try {
                        separately.executeWithoutResult(status -> refresh.walk(members));
                    } catch (RuntimeException e) {
                        log.warn("Walking {} members failed; they stay due for the next reader: {}", members.size(),
                                e.toString());
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                log.debug("Shutting down: {} members stay due", members.size());
            }
        }

        /** For a transaction that reads the walks after writing: everything it changed, applied in it now. */
        void applyHere() {
            beforeCommit(false);
            refresh.walk(due);
            due.clear();
        }
    }
}
