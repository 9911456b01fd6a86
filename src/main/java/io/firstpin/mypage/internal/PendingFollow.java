package io.firstpin.mypage.internal;

import io.firstpin.follow.Follows;
import io.firstpin.mypage.SignedInMember;
import io.firstpin.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A visitor who presses Follow on a community's page before signing in is sent to sign in; the follow they asked for
 * is kept in their session and applied once they are signed in to that organization, by code, link or passkey. Only a
 * form of ours can ask (the press carries the CSRF token), and only for the organization signed in to.
 */
@Component
class PendingFollow {

    static final String SESSION_ATTRIBUTE = "FIRSTPIN_MEMBER_PENDING_FOLLOW";
    private static final Pattern FOLLOW = Pattern.compile("^/my/([a-z0-9][a-z0-9-]*)/follows/(\\d{1,18})$");

    private final Follows follows;
    private final LocaleResolver locales;

    PendingFollow(Follows follows, LocaleResolver locales) {
        this.follows = follows;
        this.locales = locales;
    }

    /** Keeps the follow a request that was sent to sign in asked for; other requests leave nothing. */
    void remember(HttpServletRequest request) {
        Matcher follow = FOLLOW.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (HttpMethod.POST.matches(request.getMethod()) && follow.matches()) {
            request.getSession().setAttribute(SESSION_ATTRIBUTE, follow.group(1) + "|" + follow.group(2));
        }
    }

    /**
     * Applies the kept follow for the member just signed in, once; answers whether one was applied. A follow kept for
     * another organization, or of a community that is gone, is dropped.
     */
    boolean replay(HttpServletRequest request, SignedInMember member) {
        HttpSession session = request.getSession(false);
        Object pending = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        if (pending == null) {
            return false;
        }
        session.removeAttribute(SESSION_ATTRIBUTE);
        String[] parts = pending.toString().split("\\|");
        if (parts.length != 2 || !parts[0].equals(member.organizationSlug())) {
            return false;
        }
        try {
            follows.follow(member.organizationId(), member.memberId(), Long.parseLong(parts[1]),
                    locales.resolveLocale(request));
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
