package io.firstpin.platform.web;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import io.firstpin.platform.Problems;
import jakarta.validation.Valid;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;

/**
 * Values of an API request body that do not fit their field ({@code "capacity": "many"}): read as empty and kept, so
 * that they are reported together with every other problem of the request instead of ending the reading at the
 * first. Field names follow bean validation's: {@code frames[0].capacity}. Every controller that reads a JSON body
 * is covered, so that no unreadable value ever reaches one as an empty value unnoticed.
 */
@ControllerAdvice
class UnreadableValues extends RequestBodyAdviceAdapter {

    private static final String ATTRIBUTE = UnreadableValues.class.getName();
    static final String CODE = "error.field.type";

    /** The handler for reading one request body; what it finds is kept with the request. */
    static DeserializationProblemHandler recorder() {
        List<FieldProblem> found = new ArrayList<>();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, found, RequestAttributes.SCOPE_REQUEST);
        }
        return new Recorder(found);
    }

    private static List<FieldProblem> found() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object found = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        @SuppressWarnings("unchecked")
        List<FieldProblem> problems = found instanceof List<?> list ? (List<FieldProblem>) list : List.of();
        return problems;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    /** A body that is not validated gets no second look: its unreadable values are refused here. */
    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        boolean validated = parameter.hasParameterAnnotation(Valid.class)
                || parameter.hasParameterAnnotation(Validated.class);
        if (!validated && !found().isEmpty()) {
            throw new InvalidInputException(found());
        }
        return body;
    }

    @InitBinder
    void checkWithBeanValidation(WebDataBinder binder) {
        if (binder.getTarget() != null) {
            binder.addValidators(new RequestChecks());
        }
    }

    /** Runs after bean validation: adds the unreadable values, then the request's own checks. */
    private static final class RequestChecks implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }

        @Override
        public void validate(Object target, Errors errors) {
            found().forEach(p -> add(errors, p, true));
            if (target instanceof CheckedRequest checked) {
                Problems problems = new Problems();
                checked.check(problems);
                problems.list().stream().filter(p -> !errors.hasFieldErrors(p.field())).forEach(p -> add(errors, p, false));
            }
        }

        private static void add(Errors errors, FieldProblem problem, boolean unreadable) {
            Object[] args = problem.args().toArray();
            if (errors instanceof BindingResult binding) {
                binding.addError(new FieldError(errors.getObjectName(), problem.field(), null, unreadable,
                        new String[] {problem.code()}, args, problem.code()));
            } else {
                errors.reject(problem.code(), args, problem.code());
            }
        }
    }

    private static final class Recorder extends DeserializationProblemHandler {

        private final List<FieldProblem> found;

        Recorder(List<FieldProblem> found) {
            this.found = found;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                String failureMsg) {
            return unreadable(ctxt.getParser());
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                String failureMsg) {
            return unreadable(ctxt.getParser());
        }

        @Override
        public Object handleWeirdNativeValue(DeserializationContext ctxt, JavaType targetType, Object value,
                JsonParser p) {
            return unreadable(p);
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                String failureMsg) {
            Object empty = unreadable(p);
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
            return empty;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                ValueInstantiator valueInsta, JsonParser p, String msg) {
            JsonToken t = p.currentToken();
            Object empty = unreadable(p);
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
            return empty;
        }

        private Object unreadable(JsonParser p) {
            String field = path(p);
            if (field.isEmpty()) {
                // the body as a whole is of the wrong shape: nothing to read around
                return NOT_HANDLED;
            }
            if (found.stream().noneMatch(f -> f.field().equals(field))) {
                found.add(new FieldProblem(field, CODE, List.of()));
            }
            return null;
        }
    }

    /** Where the parser stands, as {@code frames[0].capacity}. */
    static String path(JsonParser p) {
        TokenStreamContext context = p.streamReadContext();
        JsonToken token = p.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context != null) {
            context = context.getParent();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                parts.push("[" + context.getCurrentIndex() + "]");
            } else if (context.currentName() != null) {
                parts.push("." + context.currentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
