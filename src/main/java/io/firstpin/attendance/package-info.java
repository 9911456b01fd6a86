/**
 * Attendance (出席): who was there, checked in by QR code, attendance code, staff or import.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attendance")
package io.firstpin.attendance;
