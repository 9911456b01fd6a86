package io.firstpin.platform.web;

import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.validation.BindingResult;

/** Puts domain rule violations onto a form's binding result, so they show next to the field like any other error. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult binding, InvalidInputException e) {
        reject(binding, e, Map.of());
    }

    /** As {@link #reject(BindingResult, InvalidInputException)}, for forms whose fields are named unlike the domain's. */
    public static void reject(BindingResult binding, InvalidInputException e, Map<String, String> formFieldOf) {
        reject(binding, e, field -> formFieldOf.getOrDefault(field, field));
    }

    /** As {@link #reject(BindingResult, InvalidInputException)}, naming each domain field as the form does. */
    public static void reject(BindingResult binding, InvalidInputException e, UnaryOperator<String> formField) {
        e.problems().forEach(p -> rejectField(binding, formField.apply(p.field()), p.code(), p.args().toArray()));
    }

    public static void reject(BindingResult binding, ConflictException e) {
        rejectField(binding, e.field(), e.code(), e.args().toArray());
    }

    private static void rejectField(BindingResult binding, String field, String code, Object[] args) {
        try {
            binding.rejectValue(field, code, args, code);
        } catch (RuntimeException noSuchField) {
            // a rule about something the form has no field for is shown above the form
            binding.reject(code, args, code);
        }
    }
}
