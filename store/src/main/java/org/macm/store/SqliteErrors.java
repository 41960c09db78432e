package org.macm.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's result codes into errors that say what happened to the file and what to do. */
final class SqliteErrors {
    private SqliteErrors() {
    }

    static StoreException translate(SQLException e, Path file, String action) {
        String code = e instanceof SQLiteException s ? s.getResultCode().name() : "";
        String intact = " Every entry stored before this one is intact.";
        if (code.startsWith(SQLiteErrorCode.SQLITE_FULL.name())) {
            return new StoreException("cannot " + action + " in " + file + ": the disk is full. "
                    + "Free space on that disk, then retry." + intact, e);
        }
        if (code.startsWith(SQLiteErrorCode.SQLITE_READONLY.name())) {
            return new StoreException("cannot " + action + " in " + file + ": the store is read-only. "
                    + "Check the file's permissions and that its file system is mounted read-write." + intact, e);
        }
        if (code.startsWith(SQLiteErrorCode.SQLITE_CORRUPT.name()) || code.startsWith(SQLiteErrorCode.SQLITE_NOTADB.name())) {
            return new StoreException("store " + file + " is corrupt or is not a MACM store (" + code + "). "
                    + "Stop the station, keep the file for analysis and restore the store from a backup; "
                    + "the peer holds signed copies of every entry it received from us.", e);
        }
        if (code.startsWith(SQLiteErrorCode.SQLITE_CANTOPEN.name())) {
            return new StoreException("cannot open store " + file + ": check that its folder exists and is writable", e);
        }
        if (code.startsWith(SQLiteErrorCode.SQLITE_IOERR.name())) {
            return new StoreException("cannot " + action + " in " + file + ": the disk reported an I/O error ("
                    + code + "). Check the disk." + intact, e);
        }
        if (code.startsWith(SQLiteErrorCode.SQLITE_BUSY.name()) || code.startsWith(SQLiteErrorCode.SQLITE_LOCKED.name())) {
            return new StoreException("cannot " + action + " in " + file + ": another process holds the store. "
                    + "Run one station process per store.", e);
        }
        return new StoreException("cannot " + action + " in " + file + ": " + e.getMessage(), e);
    }
}
