package io.firstpin.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the few secrets the application must read back (TOTP secrets) with AES-256-GCM, so that a copy of the
 * database or a backup alone does not give them away. The key is FIRSTPIN_SECRETS_KEY (32 bytes, Base64) or else the
 * file {@code secrets.key} in the data directory, made on first start; every instance on one database needs the same
 * key. Each value is bound to what it belongs to ({@code context}), so that one row's secret cannot be moved to
 * another row.
 */
@Component
public class SecretBox {

    static final String PREFIX = "v1:";
    static final String KEY_FILE = "secrets.key";

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    SecretBox(@Value("${firstpin.secrets-key:}") String configuredKey,
            @Value("${firstpin.data-dir:./data}") String dataDir) {
        this.key = new SecretKeySpec(configuredKey.isBlank() ? keyFile(Path.of(dataDir, KEY_FILE))
                : decodeKey(configuredKey), "AES");
    }

    private static byte[] decodeKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("FIRSTPIN_SECRETS_KEY must be 32 random bytes in Base64.");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("FIRSTPIN_SECRETS_KEY must be 32 random bytes in Base64, not "
                    + bytes.length + ".");
        }
        return bytes;
    }

    private static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n",
                            StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.CREATE_NEW);
                    restrict(file);
                    log.info("Made a new key for secrets kept in the database: {}. Back it up with the database.",
                            file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    // another instance sharing the data directory made it first: use theirs
                }
            }
            return decodeKey(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("The secrets key file " + file + " cannot be read or made", e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions protect it
        }
    }

    /** The text to store for {@code plain}, bound to {@code context}. */
    public String seal(String plain, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plain text of a stored value; a value stored before encryption (no prefix) is answered as it is.
     *
     * @throws IllegalStateException when the value was sealed with another key or for another context
     */
    public String open(String stored, String context) {
        if (!sealed(stored)) {
            return stored;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), context);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret cannot be opened: was FIRSTPIN_SECRETS_KEY changed?", e);
        }
    }

    public static boolean sealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
