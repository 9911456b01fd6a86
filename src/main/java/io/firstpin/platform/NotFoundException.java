package io.firstpin.platform;

/** A resource that does not exist, or that belongs to another organization: both answer 404 so tenants stay invisible. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what, Object key) {
        return new NotFoundException(what + " " + key + " was not found");
    }
}
