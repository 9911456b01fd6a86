package io.firstpin.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.WebUtils;

/**
 * MockMvc's {@code flashAttrs(...)} puts the flash attributes into the request's {@link MockHttpSession}; the
 * application reads them from its session in the database (Spring Session). Right after Spring Session's filter this
 * one moves them there, as the redirect's first request would have found them.
 */
public final class MockMvcFlashAttributes implements jakarta.servlet.Filter, Ordered {

    private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

    @Override
    public int getOrder() {
        return SessionRepositoryFilter.DEFAULT_ORDER + 1;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
        HttpSession held = mock == null ? null : mock.getSession(false);
        if (held instanceof MockHttpSession session && !session.isInvalid() && session.getAttribute(FLASH_MAPS) != null
                && request instanceof HttpServletRequest http) {
            http.getSession(true).setAttribute(FLASH_MAPS, session.getAttribute(FLASH_MAPS));
            session.removeAttribute(FLASH_MAPS);
        }
        chain.doFilter(request, response);
    }
}
