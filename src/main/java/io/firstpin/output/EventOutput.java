package io.firstpin.output;

/**
 * An output as listed for an event: with its link to the event and its author's display name (never an email).
 *
 * @param author the author's display name; null when the author is not known
 */
public record EventOutput(Output output, OutputLink link, String author) {
}
