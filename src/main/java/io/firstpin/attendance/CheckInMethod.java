package io.firstpin.attendance;

public enum CheckInMethod {
    QR,
    /** The attendance code (出席コード) attendees type themselves. */
    CODE,
    STAFF,
    WALK_IN,
    IMPORT
}
