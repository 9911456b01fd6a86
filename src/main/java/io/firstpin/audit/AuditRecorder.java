package io.firstpin.audit;

import io.firstpin.platform.audit.AuditedAction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records every audited action just before its transaction commits, inside it: if the entry cannot be written the
 * action is rolled back too, so nothing happens unlogged. An action published outside a transaction is recorded at
 * once.
 */
@Component
class AuditRecorder {

    private final AuditLog log;

    AuditRecorder(AuditLog log) {
        this.log = log;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AuditedAction action) {
        log.record(action);
    }
}
