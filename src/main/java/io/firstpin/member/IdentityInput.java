package io.firstpin.member;

/**
 * An identity as a person or a file gave it, before normalisation. A null kind is reported as an unknown kind, so that
 * callers can pass on whatever they could not parse and get every problem back at once.
 */
public record IdentityInput(IdentityKind kind, String value) {

    public static IdentityInput email(String value) {
        return new IdentityInput(IdentityKind.EMAIL, value);
    }

    public static IdentityInput connpass(String value) {
        return new IdentityInput(IdentityKind.CONNPASS, value);
    }

    /** Parses the kind by its name in any case ({@code email}, {@code X}); an unknown name leaves the kind null. */
    public static IdentityInput of(String kind, String value) {
        return new IdentityInput(IdentityKind.fromName(kind).orElse(null), value);
    }
}
