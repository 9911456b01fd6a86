package io.firstpin.registration;

import io.firstpin.member.Members;
import io.firstpin.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Who applies: just a name and an email, no account needed. */
public record Applicant(String name, String email, Locale locale) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Applicant {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new InvalidInputException.FieldProblem("name", "validation.required", List.of()));
        } else if (name.strip().length() > 200) {
            problems.add(new InvalidInputException.FieldProblem("name", "validation.too-long", List.of(200)));
        }
        if (email == null || email.isBlank()) {
            problems.add(new InvalidInputException.FieldProblem("email", "validation.required", List.of()));
        } else if (email.strip().length() > 320 || !EMAIL.matcher(email.strip()).matches()) {
            problems.add(new InvalidInputException.FieldProblem("email", "validation.email", List.of()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        name = name.strip();
        email = email.strip();
        locale = locale == null ? Locale.JAPANESE : locale;
    }

    /** The email as one registration per event is kept by: trimmed and lower-cased, as members are found by it. */
    public String emailKey() {
        return Members.emailKey(email);
    }
}
