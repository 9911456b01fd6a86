package io.firstpin.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one digest Firstpin keys and stores things by: secrets, uploaded files, headers, rate-limit subjects. */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] of(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(of(content));
    }

    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }
}
