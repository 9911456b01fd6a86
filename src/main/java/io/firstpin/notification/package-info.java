/**
 * Notification: every email goes through a transactional outbox, queued in the caller's transaction and sent by a
 * cluster-safe job that retries with backoff.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package io.firstpin.notification;
