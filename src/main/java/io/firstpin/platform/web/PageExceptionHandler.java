package io.firstpin.platform.web;

import io.firstpin.platform.ConflictException;
import io.firstpin.platform.ForbiddenException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import io.firstpin.platform.LinkExpiredException;
import io.firstpin.platform.limits.TooManyRequests;
import jakarta.servlet.http.HttpServletResponse;

/** Renders the error page for pages: a plain explanation, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    /** A rule the action broke, e.g. reconfirming a cancelled registration: the page says which, in the reader's words. */
    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model) {
        model.addAttribute("status", 409);
        model.addAttribute("reason", new DefaultMessageSourceResolvable(new String[] {e.code()}, e.args().toArray(),
                e.code()));
        return "error";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        model.addAttribute("status", 400);
        InvalidInputException.FieldProblem first = e.problems().get(0);
        model.addAttribute("reason", new DefaultMessageSourceResolvable(new String[] {first.code()},
                first.args().toArray(), first.code()));
        return "error";
    }

    @ExceptionHandler(LinkExpiredException.class)
    @ResponseStatus(HttpStatus.GONE)
    String expired(Model model) {
        model.addAttribute("status", 410);
        return "error";
    }

    @ExceptionHandler(TooManyRequests.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String tooMany(TooManyRequests e, Model model, HttpServletResponse response) {
        response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
        model.addAttribute("status", 429);
        return "error";
    }

    @ExceptionHandler(ForbiddenException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model) {
        model.addAttribute("status", 403);
        return "error";
    }
}
