package io.firstpin.identity;

/**
 * A rule another module adds to password sign-in, asked before the password is checked; such as the demo's fixed
 * password, which works only on a loopback address with a local base URL.
 */
public interface SignInRestriction {

    /**
     * @param email the email typed, normalised
     * @param password the password typed
     * @param fromLoopback whether the request came from this machine
     * @return true to refuse the sign-in as if the password were wrong
     */
    boolean refuses(String email, String password, boolean fromLoopback);
}
