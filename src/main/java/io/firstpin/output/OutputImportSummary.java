package io.firstpin.output;

/**
 * What an imported file holds, counted the same however often it is imported.
 *
 * @param rows the rows of posts (blank rows left out)
 * @param outputs the distinct addresses among them, after cleaning
 * @param linked links from a row to an event: named by the row, or found by the linking rules
 * @param withoutEvent rows linked to no event
 * @param authorsMatched rows whose author is a member known by that identity
 * @param encoding the character encoding the file was read in, as shown to staff
 */
public record OutputImportSummary(int rows, int outputs, int linked, int withoutEvent, int authorsMatched,
        String encoding) {
}
