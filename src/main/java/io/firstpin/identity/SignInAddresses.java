package io.firstpin.identity;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** Where a sign-in comes from, and whether the application's base URL points at this machine only. */
public final class SignInAddresses {

    private SignInAddresses() {
    }

    /** Whether a client address (as the servlet container reports it) is this machine's. */
    public static boolean loopback(String address) {
        // only literal addresses are looked at, so that no name is ever resolved here
        if (address == null || !(address.matches("[0-9.]+") || address.contains(":"))) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether the base URL (FIRSTPIN_BASE_URL) names this machine: localhost, 127.0.0.0/8 or ::1. */
    public static boolean localBaseUrl(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            if (host == null) {
                return false;
            }
            String lower = host.toLowerCase(Locale.ROOT);
            if (lower.startsWith("[") && lower.endsWith("]")) {
                lower = lower.substring(1, lower.length() - 1);
            }
            return lower.equals("localhost") || lower.endsWith(".localhost") || loopback(lower);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
