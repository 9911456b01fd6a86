package io.firstpin.registration;

/**
 * The answer to a registration: where it stands, and the private manage token, which exists only in this answer and in
 * the confirmation email.
 */
public record Registered(Registration registration, Integer waitlistPosition, String manageToken) {
}
