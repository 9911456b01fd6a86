package io.firstpin.attendance;

import java.time.Instant;

/**
 * What a confirmed registrant's private page shows for the door: their QR code and whether they may check themselves
 * in with the attendance code now.
 *
 * @param svg the QR code of {@code code}, a complete SVG element drawn by the server (no user text in it)
 * @param checkedInAt when they checked in; null while they have not
 * @param lockedUntil until when wrong attendance codes keep them from trying again; null when they may try
 */
public record CheckInPass(String code, String svg, Instant checkedInAt, AttendanceWindow window, boolean windowOpen,
        Instant lockedUntil) {

    public String displayCode() {
        return CheckInCode.display(code);
    }

    /** Whether the page offers the attendance code form. */
    public boolean mayEnterCode() {
        return checkedInAt == null && windowOpen && lockedUntil == null;
    }
}
