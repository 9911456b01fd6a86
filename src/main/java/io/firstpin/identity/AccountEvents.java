package io.firstpin.identity;

import io.firstpin.platform.audit.AuditedAction;
import java.util.Map;

/**
 * What happens to staff accounts, published as application events for the audit log. Targets name accounts and
 * invitations by id only: no email, password or link ever goes into an event.
 */
public final class AccountEvents {

    private AccountEvents() {
    }

    private static String account(long id) {
        return "account " + id;
    }

    private static String invitation(long id) {
        return "invitation " + id;
    }

    public record InvitationSent(Long organizationId, long invitationId, Role role) implements AuditedAction {
        public String action() {
            return "invitation.sent";
        }

        public String target() {
            return invitation(invitationId);
        }

        public Map<String, String> details() {
            return Map.of("role", role.name());
        }
    }

    public record InvitationAccepted(Long organizationId, long invitationId, long accountId, Role role,
            boolean newAccount) implements AuditedAction {
        public String action() {
            return "invitation.accepted";
        }

        public String target() {
            return invitation(invitationId);
        }

        public Map<String, String> details() {
            return Map.of("role", role.name(), "account", String.valueOf(accountId), "newAccount",
                    String.valueOf(newAccount));
        }
    }

    public record InvitationWithdrawn(Long organizationId, long invitationId) implements AuditedAction {
        public String action() {
            return "invitation.withdrawn";
        }

        public String target() {
            return invitation(invitationId);
        }
    }

    /** A role given, changed or taken away ({@code role} null) in an organization. */
    public record RoleChanged(Long organizationId, long accountId, Role from, Role role) implements AuditedAction {
        public String action() {
            return role == null ? "role.removed" : "role.changed";
        }

        public String target() {
            return account(accountId);
        }

        public Map<String, String> details() {
            return Map.of("from", from == null ? "" : from.name(), "to", role == null ? "" : role.name());
        }
    }

    /** One per organization the account belongs to (null for an account without any), so each log shows its staff. */
    public record SignedIn(Long organizationId, long accountId, String method) implements AuditedAction {
        public String action() {
            return "sign-in.succeeded";
        }

        public String target() {
            return account(accountId);
        }

        public Map<String, String> details() {
            return Map.of("method", method);
        }
    }

    /** A failed sign-in; {@code accountId} is null when no account has the email typed. */
    public record SignInFailed(Long organizationId, Long accountId, String reason) implements AuditedAction {
        public String action() {
            return "sign-in.failed";
        }

        public String target() {
            return accountId == null ? "unknown account" : account(accountId);
        }

        public Map<String, String> details() {
            return Map.of("reason", reason);
        }
    }

    public record AccountLocked(Long organizationId, long accountId) implements AuditedAction {
        public String action() {
            return "account.locked";
        }

        public String target() {
            return account(accountId);
        }
    }

    /** {@code how}: {@code changed} by the owner, {@code reset} through an emailed link, {@code reset-forced} by an admin. */
    public record PasswordChanged(Long organizationId, long accountId, String how) implements AuditedAction {
        public String action() {
            return "password." + how;
        }

        public String target() {
            return account(accountId);
        }
    }

    /** {@code what}: {@code totp.enabled}, {@code totp.disabled}, {@code passkey.added}, {@code passkey.removed}, {@code required}... */
    public record TwoFactorChanged(Long organizationId, long accountId, String what) implements AuditedAction {
        public String action() {
            return "two-factor." + what;
        }

        public String target() {
            return account(accountId);
        }
    }
}
