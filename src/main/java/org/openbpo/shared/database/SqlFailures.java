package org.openbpo.shared.database;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

import java.sql.SQLException;

/**
 * What a failure of a statement run on the connection by hand (COPY) means, in the words Spring
 * uses for every other statement: a value PostgreSQL cannot store becomes a
 * {@code DataIntegrityViolationException}, which the API answers as the caller's mistake, not as a
 * failure of the server.
 */
public final class SqlFailures {

    private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private SqlFailures() {
    }

    public static DataAccessException translated(String task, SQLException failure) {
        DataAccessException translated = TRANSLATOR.translate(task, null, failure);
        return translated != null ? translated : new UncategorizedSQLException(task, null, failure);
    }
}
