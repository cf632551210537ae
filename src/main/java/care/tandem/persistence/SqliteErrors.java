package care.tandem.persistence;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;

import java.sql.SQLException;

/** Turns SQLite result codes into problems a person can act on, without leaking SQL or values. */
final class SqliteErrors {
    // Primary result codes, https://www.sqlite.org/rescode.html
    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private SqliteErrors() {
    }

    static ProblemException translate(SQLException e) {
        return new ProblemException(problemOf(e), e);
    }

    static Problem problemOf(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return switch (code) {
            case SQLITE_CORRUPT, SQLITE_NOTADB -> Problem.DATABASE_DAMAGED;
            case SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN -> Problem.DATABASE_NOT_READABLE;
            case SQLITE_BUSY, SQLITE_LOCKED -> Problem.DATABASE_BUSY;
            case SQLITE_FULL -> Problem.DISK_FULL;
            case SQLITE_IOERR -> isDiskFull(e) ? Problem.DISK_FULL : Problem.STORAGE_FAILED;
            default -> Problem.STORAGE_FAILED;
        };
    }

    private static boolean isDiskFull(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("disk is full") || m.contains("No space left");
    }
}
