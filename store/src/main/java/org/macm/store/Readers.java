package org.macm.store;

import java.sql.SQLException;

/**
 * Where a store's readers run their queries, apart from the writer: SQLite one connection
 * that readers take in turn ({@link SqliteLogStore}), PostgreSQL a small pool
 * ({@link PostgresLogStore}). A failure comes out as a {@link StoreException} that says what
 * to do, worded for the engine.
 */
interface Readers extends AutoCloseable {
    /** One query on a table, which may throw what JDBC throws. */
    @FunctionalInterface
    interface Query<T> {
        T run(EntryTable table) throws SQLException;
    }

    /** Runs {@code query}; {@code action} says what it was for ("read the head of ..."), for the error. */
    <T> T read(String action, Query<T> query);

    @Override
    void close();
}
