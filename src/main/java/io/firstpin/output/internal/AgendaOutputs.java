package io.firstpin.output.internal;

import io.firstpin.event.AgendaChanged;
import io.firstpin.output.Outputs;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the speakers' slides and videos of an agenda counted as outputs, in the transaction that changed the agenda. */
@Component
class AgendaOutputs {

    private final Outputs outputs;

    AgendaOutputs(Outputs outputs) {
        this.outputs = outputs;
    }

    @EventListener
    void on(AgendaChanged changed) {
        outputs.takeFromAgenda(changed.eventId());
    }
}
