package io.firstpin.platform.passkey;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;

/**
 * A passkey as a row keeps it: every binary value as base64url text, which both databases index alike, and the name
 * its owner gave it cut to the column's length. The staff's and the members' passkey tables share this shape.
 */
public record StoredPasskey(String credentialId, String label, String credentialType, String publicKey,
        long signatureCount, boolean uvInitialized, boolean backupEligible, boolean backupState, String transports,
        String attestationObject, String clientDataJson, Instant createdAt, Instant lastUsedAt) {

    public static final int LABEL_LENGTH = 100;

    /** The row of a credential just registered, at {@code now}; a blank name becomes "passkey". */
    public static StoredPasskey of(CredentialRecord record, Instant now) {
        String label = record.getLabel() == null || record.getLabel().isBlank() ? "passkey" : record.getLabel().strip();
        return new StoredPasskey(record.getCredentialId().toBase64UrlString(),
                label.length() > LABEL_LENGTH ? label.substring(0, LABEL_LENGTH) : label,
                record.getCredentialType() == null ? PublicKeyCredentialType.PUBLIC_KEY.getValue()
                        : record.getCredentialType().getValue(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(record.getPublicKey().getBytes()),
                record.getSignatureCount(), record.isUvInitialized(), record.isBackupEligible(), record.isBackupState(),
                record.getTransports().stream().map(AuthenticatorTransport::getValue).collect(Collectors.joining(",")),
                text(record.getAttestationObject()), text(record.getAttestationClientDataJSON()), now, now);
    }

    /** The credential Spring Security checks a signature against, for the user of {@code handle}. */
    public CredentialRecord toCredentialRecord(Bytes handle) {
        Set<AuthenticatorTransport> transportSet = Arrays.stream(transports.split(","))
                .filter(t -> !t.isBlank()).map(AuthenticatorTransport::valueOf).collect(Collectors.toSet());
        return ImmutableCredentialRecord.builder()
                .credentialId(Bytes.fromBase64(credentialId))
                .userEntityUserId(handle)
                .credentialType(PublicKeyCredentialType.valueOf(credentialType))
                .publicKey(new ImmutablePublicKeyCose(Bytes.fromBase64(publicKey).getBytes()))
                .signatureCount(signatureCount)
                .uvInitialized(uvInitialized)
                .backupEligible(backupEligible)
                .backupState(backupState)
                .transports(transportSet)
                .attestationObject(Bytes.fromBase64(attestationObject))
                .attestationClientDataJSON(Bytes.fromBase64(clientDataJson))
                .label(label)
                .created(createdAt)
                .lastUsed(lastUsedAt)
                .build();
    }

    private static String text(Bytes bytes) {
        return bytes == null ? "" : bytes.toBase64UrlString();
    }
}
