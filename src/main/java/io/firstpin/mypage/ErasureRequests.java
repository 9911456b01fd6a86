package io.firstpin.mypage;

import io.firstpin.member.Erasures;
import io.firstpin.member.IdentityKind;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.mypage.SignInCodes.Purpose;
import io.firstpin.notification.Notifications;
import io.firstpin.notification.OutgoingEmail;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.PublicUrls;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member erasing themselves: asked on their page, confirmed by a link sent to their address (so a browser left
 * signed in is not enough), then erased exactly as staff erase a person ({@link Erasures}).
 */
@Service
public class ErasureRequests {

    private final SignInCodes codes;
    private final Organizations organizations;
    private final Members members;
    private final Erasures erasures;
    private final Notifications notifications;
    private final PublicUrls urls;

    ErasureRequests(SignInCodes codes, Organizations organizations, Members members, Erasures erasures,
            Notifications notifications, PublicUrls urls) {
        this.codes = codes;
        this.organizations = organizations;
        this.members = members;
        this.erasures = erasures;
        this.notifications = notifications;
        this.urls = urls;
    }

    /** Emails the confirmation link to the signed-in member's address. */
    @Transactional
    public void request(SignedInMember me, Locale locale) {
        Organization organization = organizations.findById(me.organizationId()).orElseThrow();
        SignInCodes.Issued issued = codes.issue(me.organizationId(), me.email(), Purpose.ERASURE);
        Map<String, Object> model = Map.of("organizationName", organization.name(),
                "confirmUrl", urls.base() + "/my/" + organization.slug() + "/sign-in/erase?token=" + issued.link(),
                "minutes", SignInCodes.VALID_FOR.toMinutes());
        notifications.send(new OutgoingEmail(organization.id(), issued.email(), locale, "mypage/erasure", model,
                "member-erasure:" + organization.id() + ":" + issued.link()));
    }

    /** The emailed link, used: the person it was sent to is erased; empty when the link is unknown or expired. */
    @Transactional
    public Optional<Long> confirm(String link) {
        return codes.useLink(link, Purpose.ERASURE).flatMap(holder -> members
                        .findByIdentity(holder.organizationId(), IdentityKind.EMAIL, holder.email())
                        .map(Member::id)
                        .map(id -> erasures.erase(holder.organizationId(), id, true).memberId()));
    }
}
