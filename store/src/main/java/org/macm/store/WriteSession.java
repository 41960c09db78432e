package org.macm.store;

import java.sql.SQLException;

/**
 * What the store's writer needs of its engine, and all that differs between SQLite and
 * PostgreSQL on the write path: which connection the next transaction runs on (SQLite keeps
 * one; PostgreSQL connects afresh after the server went away), a check at the start of every
 * transaction (a fenced PostgreSQL store checks its lease epoch there), work between commits
 * (SQLite copies its WAL back) and what a failure means to the duty officer. Everything else
 * (group commit, the chain rules, the receipt-in-commit rule, the cache) is the writer's, once.
 * Called on the writer's thread only.
 */
interface WriteSession extends AutoCloseable {
    /** Where the store is, for messages: a file, or a database's address without credentials. */
    String where();

    /** The table the next transaction runs on; may connect, and throws when the store cannot be written. */
    EntryTable table() throws SQLException;

    /** Runs inside every write transaction, right after it began. */
    void begun(EntryTable table) throws SQLException;

    /** Runs between two commits. */
    void betweenCommits();

    /**
     * A transaction failed and was rolled back: the error its writes fail with, saying what to do.
     * A session whose connection broke drops it here, so the next transaction connects afresh.
     */
    StoreException failed(Exception e);

    /** Closes the writer's connection. */
    @Override
    void close();
}
