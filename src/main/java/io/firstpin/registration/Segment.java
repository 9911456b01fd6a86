package io.firstpin.registration;

import java.util.function.Predicate;

/** A part of an event's registrants that staff can write to. */
public enum Segment {
    CONFIRMED(e -> e.registration().status() == RegistrationStatus.CONFIRMED),
    WAITLISTED(e -> e.registration().status() == RegistrationStatus.WAITLISTED),
    ATTENDED(Registrations.Entry::checkedIn),
    /** Confirmed and not checked in: after the event, the no-shows. */
    NOT_ATTENDED(e -> e.registration().status() == RegistrationStatus.CONFIRMED && !e.checkedIn());

    private final Predicate<Registrations.Entry> member;

    Segment(Predicate<Registrations.Entry> member) {
        this.member = member;
    }

    public boolean includes(Registrations.Entry entry) {
        return member.test(entry);
    }

    /** Whether the message carries the registrant's private link: only while the registration still matters. */
    boolean linksToRegistration() {
        return this == CONFIRMED || this == WAITLISTED;
    }
}
