package io.firstpin.history;

/**
 * What an import did, as the API answers it: the file's rows, the registrations and check-ins they hold, and how many
 * of the people were new members and how many were matched to members known already.
 *
 * @param encoding the character encoding the file was read in
 * @param mergeSuggestions how many merge suggestions involve the file's people once it is applied (same display name
 *        and another agreeing attribute, see {@code member.MergeSuggestions}); not kept, so a repeated file answers 0
 */
public record ImportSummary(int rows, int registrations, int attendances, int membersCreated, int membersMatched,
        String encoding, int mergeSuggestions) {

    public ImportSummary(int rows, int registrations, int attendances, int membersCreated, int membersMatched,
            String encoding) {
        this(rows, registrations, attendances, membersCreated, membersMatched, encoding, 0);
    }
}
