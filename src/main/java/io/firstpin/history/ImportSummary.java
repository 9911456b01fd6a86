package io.firstpin.history;

/**
 * What an import did, as the API answers it: the file's rows, the registrations and check-ins they hold, and how many
 * of the people were new members and how many were matched to members known already.
 *
 * @param encoding the character encoding the file was read in
 */
public record ImportSummary(int rows, int registrations, int attendances, int membersCreated, int membersMatched,
        String encoding) {
}
