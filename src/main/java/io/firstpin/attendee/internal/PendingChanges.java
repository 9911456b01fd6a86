package io.firstpin.attendee.internal;

import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The changes of the current transaction, applied once just before it commits. Taking the refresh's locks at the end
 * of a transaction, after every other lock it takes, keeps them out of any lock cycle with the registration's frame
 * locks or an event's edit. The changes live in the transaction's own synchronization, so a transaction started inside
 * another one (as imports do per file) applies its own when it commits.
 */
@Component
public class PendingChanges {

    private final AttendeeRefresh refresh;
    private final TransactionTemplate separately;

    PendingChanges(AttendeeRefresh refresh, PlatformTransactionManager transactions) {
        this.refresh = refresh;
        this.separately = new TransactionTemplate(transactions);
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

    /** Applies the current transaction's changes now, for a transaction that reads the attendee rows after writing. */
    public void applyNow() {
        Pending pending = TransactionSynchronizationManager.isSynchronizationActive() ? current() : null;
        if (pending != null) {
            pending.beforeCommit(false);
        }
    }

    private static Pending current() {
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Pending.class::isInstance).map(Pending.class::cast).findFirst().orElse(null);
    }

    private final class Pending implements TransactionSynchronization {

        private final Changes changes = new Changes();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!changes.isEmpty()) {
                refresh.apply(changes.drain());
            }
        }
    }
}
