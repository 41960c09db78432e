package org.macm.store;

/**
 * The little SQL that differs between the two engines: how a write transaction begins and
 * the column types of the schema. Everything else (the statements of {@link EntryTable}, the
 * steps of {@link Migrations}) is written once, in SQL both accept.
 */
enum Dialect {
    /**
     * SQLite: {@code BEGIN IMMEDIATE} takes the write lock at once, so a transaction never fails
     * half-way for want of it; its types render the schema exactly as the first stores were made.
     */
    SQLITE("BEGIN IMMEDIATE", "INTEGER", "BLOB", "INTEGER PRIMARY KEY", " WITHOUT ROWID"),
    /** PostgreSQL: rows lock as they are written; 64-bit integers and byte arrays by name. */
    POSTGRES("BEGIN", "BIGINT", "BYTEA", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "");

    private final String begin;
    private final String integer;
    private final String blob;
    private final String id;
    private final String withoutRowid;

    Dialect(String begin, String integer, String blob, String id, String withoutRowid) {
        this.begin = begin;
        this.integer = integer;
        this.blob = blob;
        this.id = id;
        this.withoutRowid = withoutRowid;
    }

    /** The statement that begins a write transaction. */
    String begin() {
        return begin;
    }

    /**
     * A schema statement for this engine: {@code {INT}} a 64-bit integer, {@code {BLOB}} bytes,
     * {@code {ID}} an increasing row id that is the primary key, {@code {WITHOUT_ROWID}} SQLite's
     * table option for a table addressed by its primary key alone.
     */
    String ddl(String template) {
        return template.replace("{INT}", integer)
                .replace("{BLOB}", blob)
                .replace("{ID}", id)
                .replace("{WITHOUT_ROWID}", withoutRowid);
    }
}
