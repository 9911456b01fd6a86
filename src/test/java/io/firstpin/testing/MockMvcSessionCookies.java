package io.firstpin.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.util.WebUtils;

/**
 * The cookie jar of a MockMvc test. Sessions live in the database (Spring Session), found by the {@code SESSION}
 * cookie; MockMvc tests hand a {@link MockHttpSession} from request to request instead. This filter, first in the
 * chain, keeps the cookie the application set in that {@code MockHttpSession} and sends it with every later request
 * that carries it, as a browser would. Requests that are not MockMvc's pass untouched.
 */
public final class MockMvcSessionCookies implements jakarta.servlet.Filter, Ordered {

    static final String COOKIE = "SESSION";
    private static final String HELD = MockMvcSessionCookies.class.getName() + ".cookie";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        MockHttpServletRequest mockRequest = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
        MockHttpServletResponse mockResponse = WebUtils.getNativeResponse(response, MockHttpServletResponse.class);
        if (mockRequest == null || mockResponse == null) {
            chain.doFilter(request, response);
            return;
        }
        held(mockRequest).filter(value -> !sends(mockRequest)).ifPresent(value -> {
            List<Cookie> cookies = new ArrayList<>(Arrays.asList(Optional.ofNullable(mockRequest.getCookies())
                    .orElse(new Cookie[0])));
            cookies.add(new Cookie(COOKIE, value));
            mockRequest.setCookies(cookies.toArray(Cookie[]::new));
        });
        chain.doFilter(request, response);
        Cookie set = mockResponse.getCookie(COOKIE);
        if (set != null) {
            HttpSession session = mockRequest.getSession(true);
            if (set.getMaxAge() == 0) {
                session.removeAttribute(HELD);
            } else {
                session.setAttribute(HELD, set.getValue());
            }
        }
    }

    private static Optional<String> held(MockHttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session instanceof MockHttpSession mock && mock.isInvalid()) {
            return Optional.empty();
        }
        return Optional.ofNullable(session).map(s -> (String) s.getAttribute(HELD));
    }

    private static boolean sends(MockHttpServletRequest request) {
        return request.getCookies() != null
                && Arrays.stream(request.getCookies()).anyMatch(cookie -> cookie.getName().equals(COOKIE));
    }
}
