/**
 * The audit log: every {@code AuditedAction} event of any module recorded with who did it, when and from where, in the
 * same transaction as the action; read by organization admins as a page, a CSV and through the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.firstpin.audit;
