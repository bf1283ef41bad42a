package org.openbpo.shared.database;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * What a failure of a statement run on the connection by hand (COPY) means, in the words Spring
 * uses for every other statement: a value PostgreSQL cannot store becomes a
 * {@code DataIntegrityViolationException}, which the API answers as the caller's mistake, not as a
 * failure of the server. And whether a failure is one that passes, so the work is tried again.
 */
public final class SqlFailures {

    private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private SqlFailures() {
    }

    /**
     * Whether the failure is the database's passing trouble rather than a refusal of what was asked:
     * a serialization failure or deadlock (SQLSTATE class 40), a lost or refused connection (class 08,
     * the pool's timeout), the server shutting down or starting up (57P), a lock or query timeout.
     * The same work, tried again a little later, may well succeed; it must not be settled as refused.
     */
    public static boolean passing(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    public static DataAccessException translated(String task, SQLException failure) {
        DataAccessException translated = TRANSLATOR.translate(task, null, failure);
        return translated != null ? translated : new UncategorizedSQLException(task, null, failure);
    }
}
