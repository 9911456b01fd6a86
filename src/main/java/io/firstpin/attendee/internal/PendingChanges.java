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
 * locks or an event's edit.
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
        Changes changes = (Changes) TransactionSynchronizationManager.getResource(this);
        if (changes == null) {
            Changes fresh = new Changes();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    applyNow();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PendingChanges.this);
                }
            });
            changes = fresh;
        }
        change.accept(changes);
    }

    public void applyNow() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Changes changes = (Changes) TransactionSynchronizationManager.getResource(this);
        if (changes != null && !changes.isEmpty()) {
            refresh.apply(changes.drain());
        }
    }
}
