package io.firstpin.member;

import java.util.Locale;

/**
 * Why two members of the same display name are suggested as one person; a display name alone never is a reason.
 */
public enum MergeReason {
    /** A handle of one is a handle of the other on another site, or the name part of the other's email. */
    SHARED_HANDLE,
    /** Their emails have the same name part (before the {@code @}, without a {@code +tag}), at different domains. */
    SAME_EMAIL_NAME,
    /** Both attended (checked in, or held a confirmed seat at) events of the same community. */
    SAME_COMMUNITY;

    /** The name used in the API: {@code shared_handle}, {@code same_email_name}, {@code same_community}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
