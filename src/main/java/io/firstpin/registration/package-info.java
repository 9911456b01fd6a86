/**
 * Registrations (申込): who applied to which frame of an event, with their status and waitlist position.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registration")
package io.firstpin.registration;
