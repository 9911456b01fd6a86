package io.firstpin.registration;

import io.firstpin.registration.Registrations.Entry;
import io.firstpin.registration.internal.ReceptionNumbers;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Past events whose registrations came from an import (connpass, Doorkeeper, Meetup exports) rather than from their own
 * form: staff pages show them as history, without the live event's controls, and say who came without an email.
 */
@Service
public class ImportedEvents {

    private final ReceptionNumbers receptionNumbers;

    ImportedEvents(ReceptionNumbers receptionNumbers) {
        this.receptionNumbers = receptionNumbers;
    }

    public boolean imported(long eventId) {
        return receptionNumbers.imported(eventId);
    }

    /** The registrants of the list an import gave no email, in the list's order: no email reaches them. */
    public static List<Entry> withoutEmail(List<Entry> entries) {
        return entries.stream().filter(entry -> entry.registration().email() == null).toList();
    }
}
