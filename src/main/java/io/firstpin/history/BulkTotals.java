package io.firstpin.history;

/** The counts of a bulk import's imported files together. */
public record BulkTotals(int rows, int registrations, int attendances, int membersCreated, int membersMatched) {
}
