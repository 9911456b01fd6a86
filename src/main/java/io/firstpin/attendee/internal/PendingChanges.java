package io.firstpin.attendee.internal;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * The changes of the current transaction. Just before it commits they are recorded in {@code attendee_change}, one
 * insert and no lock, so that a rush of registrations holds its frame lock no longer than before; right after it
 * commits a background thread, with connections of its own, applies whatever is recorded. Every reader of the kept rows
 * waits for that thread and applies what is still recorded ({@link #catchUp}), so a reader never sees stale rows, not
 * even after a failed refresh or a restart, whichever instance made the change. The changes live in the transaction's
 * own synchronization, so a transaction started inside another one (as imports do per file) records its own.
 */
@Component
public class PendingChanges {

    private static final Logger log = LoggerFactory.getLogger(PendingChanges.class);

    private final AttendeeRefresh refresh;
    private final TransactionTemplate separately;
    /** Whether an application of what is recorded waits to start: one waiting is enough for any number of commits. */
    private final AtomicBoolean applicationQueued = new AtomicBoolean();
    private final ExecutorService applier = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "attendee-refresh");
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
        // what is not applied yet stays recorded
        applier.shutdownNow();
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
     * Brings the kept rows up to date for a reader: a transaction that changed attendees itself has its changes applied
     * in it; otherwise the refreshes handed to the background thread are waited for and whatever is still recorded is
     * applied, in a transaction of its own.
     */
    public void catchUp() {
        Pending pending = TransactionSynchronizationManager.isSynchronizationActive() ? current() : null;
        if (pending != null) {
            pending.applyHere();
            return;
        }
        try {
            applier.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RejectedExecutionException e) {
            log.debug("The background refresh is gone; what is recorded is applied here: {}", e.toString());
        }
        separately.executeWithoutResult(status -> refresh.applyRecorded());
    }

    private static Pending current() {
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Pending.class::isInstance).map(Pending.class::cast).findFirst().orElse(null);
    }

    private final class Pending implements TransactionSynchronization {

        private final Changes changes = new Changes();
        private boolean recorded;

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!changes.isEmpty()) {
                refresh.record(changes.drain());
                recorded = true;
            }
        }

        @Override
        public void afterCommit() {
            if (!recorded) {
                return;
            }
            // a rush of commits is applied together, by the one application still waiting to start
            if (!applicationQueued.compareAndSet(false, true)) {
                return;
            }
            try {
                applier.execute(() -> {
                    applicationQueued.set(false);
                    try {
                        separately.executeWithoutResult(status -> refresh.applyRecorded());
                    } catch (RuntimeException e) {
                        log.warn("Applying recorded attendee changes failed; the next reader applies them: {}",
                                e.toString());
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                applicationQueued.set(false);
                log.debug("Shutting down: the attendee changes stay recorded");
            }
        }

        /** For a transaction that reads the kept rows after writing: its changes, applied in it now. */
        void applyHere() {
            if (!changes.isEmpty()) {
                refresh.apply(changes.drain());
            }
        }
    }
}
