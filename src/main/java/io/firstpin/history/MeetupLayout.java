package io.firstpin.history;

import io.firstpin.member.IdentityInput;
import io.firstpin.member.IdentityKind;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.registration.RegistrationStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Meetup's attendee list: Name, User ID, Title, Event Host, RSVP (Yes, No, Waitlist), Guests, RSVPed on,
 * Joined Group on, URL of Member Profile, then the answers to the event's questions; where the organizer took
 * attendance, an Attendance column (Attended, No show, Absent). Meetup gives no email; the User ID is the person's
 * Meetup member id, an identity of its own ({@code MEETUP}), so the same person is one member across every Meetup
 * import. A User ID that cannot be a member id (an edited file) tells people apart within the event's imports only.
 */
final class MeetupLayout extends ExportLayout {

    static final Column NAME = Column.named("Name");
    static final Column USER_ID = Column.named("User ID");
    static final Column TITLE = Column.named("Title");
    static final Column HOST = Column.named("Event Host");
    static final Column RSVP = Column.named("RSVP");
    static final Column GUESTS = Column.named("Guests");
    static final Column RSVPED_ON = Column.named("RSVPed on");
    static final Column JOINED_ON = Column.named("Joined Group on");
    static final Column PROFILE = Column.named("URL of Member Profile");
    static final Column ATTENDANCE = Column.named("Attendance", "Attended");

    private static final Map<String, RegistrationStatus> RSVPS = Map.of(
            "yes", RegistrationStatus.CONFIRMED,
            "waitlist", RegistrationStatus.WAITLISTED,
            "no", RegistrationStatus.CANCELLED);
    private static final Pattern USER_PREFIX = Pattern.compile("^(?i:user)\\s+");
    private static final List<String> ATTENDED = List.of("attended", "yes", "true");
    private static final List<String> ABSENT = List.of("no show", "no-show", "absent", "no", "false");

    @Override
    List<Column> required() {
        return List.of(NAME, USER_ID, RSVP);
    }

    @Override
    List<Column> known() {
        return List.of(NAME, USER_ID, TITLE, HOST, RSVP, GUESTS, RSVPED_ON, JOINED_ON, PROFILE, ATTENDANCE);
    }

    @Override
    Column person() {
        return USER_ID;
    }

    @Override
    ImportedRow row(Cells cells, List<String> answers) {
        String name = cells.requiredWithin(NAME, MAX_NAME);
        String userId = cells.requiredWithin(USER_ID, MAX_NAME);
        String rsvp = cells.required(RSVP);
        RegistrationStatus status = RSVPS.get(rsvp.toLowerCase(Locale.ROOT));
        if (status == null && !rsvp.isEmpty()) {
            cells.problem(RSVP, "history.cell.status", rsvp, "Yes, No, Waitlist");
        }
        String attendance = cells.text(ATTENDANCE).toLowerCase(Locale.ROOT);
        if (!attendance.isEmpty() && !ATTENDED.contains(attendance) && !ABSENT.contains(attendance)) {
            cells.problem(ATTENDANCE, "history.cell.attendance", cells.text(ATTENDANCE), "Attended, No show, Absent");
        }
        Optional<StatedTime> rsvpedOn = cells.time(RSVPED_ON);
        if (cells.faulty()) {
            return null;
        }
        return new ImportedRow(cells.row(), null, person(name, userId), status,
                rsvpedOn.orElse(null), ATTENDED.contains(attendance), null, answers);
    }

    /** Meetup writes the member id as {@code user 12345678}; the identity is the number, as in the profile address. */
    private static ImportedPerson person(String name, String userId) {
        String memberId = USER_PREFIX.matcher(userId).replaceFirst("");
        try {
            IdentityKind.MEETUP.clean(memberId);
            return ImportedPerson.known(name, new IdentityInput(IdentityKind.MEETUP, memberId));
        } catch (InvalidInputException notAMemberId) {
            return ImportedPerson.unmatched(name, "meetup:" + userId);
        }
    }
}
