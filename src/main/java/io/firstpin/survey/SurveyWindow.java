package io.firstpin.survey;

import io.firstpin.platform.ConflictException;
import java.time.Instant;

/** When an event's survey takes answers: from the event's end until it closes; edits are taken until then too. */
public record SurveyWindow(Instant opensAt, Instant closesAt) {

    public boolean open(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public boolean closed(Instant now) {
        return !now.isBefore(closesAt);
    }

    void requireOpen(Instant now) {
        if (now.isBefore(opensAt)) {
            throw new ConflictException("survey", "survey.not-open");
        }
        if (closed(now)) {
            throw new ConflictException("survey", "survey.closed");
        }
    }
}
