package io.firstpin.platform.passkey;

import java.net.URI;
import java.util.Set;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * The one relying party of every passkey, staff's and members': its id is the host of {@code FIRSTPIN_BASE_URL} and
 * only that origin is accepted, so a passkey never signs in to a look-alike site; the authenticator must verify its
 * user (PIN, fingerprint) and keep the passkey itself (discoverable), so signing in needs no name typed first.
 */
public final class PasskeyRelyingParty {

    private PasskeyRelyingParty() {
    }

    public static Webauthn4JRelyingPartyOperations of(PublicKeyCredentialUserEntityRepository users,
            UserCredentialRepository credentials, String baseUrl) {
        URI base = URI.create(baseUrl);
        String origin = base.getScheme() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
        Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(users, credentials,
                PublicKeyCredentialRpEntity.builder().id(base.getHost()).name("Firstpin").build(), Set.of(origin));
        operations.setCustomizeCreationOptions(options -> options.authenticatorSelection(
                AuthenticatorSelectionCriteria.builder()
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .build()));
        operations.setCustomizeRequestOptions(
                options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return operations;
    }
}
