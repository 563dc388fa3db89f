/**
 * The ledger: double-entry and append-only. Money owed to and paid to partners moves between
 * {@link dev.canopy.ledger.Account accounts} in balanced {@link dev.canopy.ledger.LedgerEntry entries};
 * postings are never updated or deleted (the database refuses it), corrections are new entries, and
 * every balance is derived by summing postings. An entry's key makes posting it idempotent, so a
 * retried or replayed step never posts twice.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Ledger",
        allowedDependencies = {"shared", "platform", "partners"})
package dev.canopy.ledger;
