package io.firstpin.output;

/**
 * An output as a person enters it.
 *
 * @param type {@code blog}, {@code slide}, {@code video}, {@code social} or {@code media}; blank: guessed from the address
 * @param title blank: none (the list shows the address)
 * @param authorEmail staff only: the member who wrote it, by their email; blank: unknown
 */
public record OutputSubmission(String url, String type, String title, String authorEmail) {

    public static OutputSubmission byRegistrant(String url, String type, String title) {
        return new OutputSubmission(url, type, title, null);
    }
}
