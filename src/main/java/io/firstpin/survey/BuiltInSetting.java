package io.firstpin.survey;

/**
 * How an event's survey asks one of the built-in questions.
 *
 * @param wording the event's own wording, or null for the default of the message bundles (in the reader's language)
 */
public record BuiltInSetting(BuiltInQuestion question, String wording, boolean enabled) {

    public static BuiltInSetting byDefault(BuiltInQuestion question) {
        return new BuiltInSetting(question, null, true);
    }
}
