package io.firstpin.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The confirmation after every staff create or save: a form posted under {@code /manage} or {@code /admin} that ends
 * in a redirect to a staff page without a flash message of its own (a handler's own notice, or a refusal) carries its
 * handler's confirmation to the next page, where the layout shows it ({@code fragments/layout :: header}, with
 * {@code role="status"}). The message is {@code confirm.<Controller>.<method>} in the bundles, so each handler says
 * what it did; ConfirmationsTests requires one for every staff POST handler.
 */
@Configuration(proxyBeanMethods = false)
class Confirmations implements WebMvcConfigurer, HandlerInterceptor {

    /** The flash attribute the layout reads: the message key of the confirmation. */
    static final String ATTRIBUTE = "confirmation";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/manage/**", "/admin/**");
    }

    /** The message key of the confirmation a staff POST handler's redirect carries. */
    static String key(HandlerMethod handler) {
        return "confirm." + handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (!"POST".equals(request.getMethod()) || view == null || !(handler instanceof HandlerMethod method)
                || !redirects(view)) {
            return;
        }
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        if (flash.isEmpty()) {
            flash.put(ATTRIBUTE, key(method));
        }
    }

    /** Whether the answer sends the browser on to a staff page (a sign-in that failed goes to the login page). */
    private static boolean redirects(ModelAndView view) {
        String target = view.getView() instanceof RedirectView redirect ? redirect.getUrl()
                : view.getViewName() != null && view.getViewName().startsWith("redirect:")
                        ? view.getViewName().substring("redirect:".length()) : null;
        return target != null && (target.startsWith("/manage") || target.startsWith("/admin"));
    }
}
