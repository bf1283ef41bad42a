package org.openbpo.shared.database;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A lost race, a lost connection or a server going down passes; a refusal of what was asked does not. */
class SqlFailuresTest {

    @Test
    void serializationFailuresDeadlocksLostConnectionsAndShutdownsPass() {
        assertThat(SqlFailures.passing(SqlFailures.translated("x", new SQLException("race", "40001")))).isTrue();
        assertThat(SqlFailures.passing(new RuntimeException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(SqlFailures.passing(new SQLException("connection lost", "08006"))).isTrue();
        assertThat(SqlFailures.passing(new SQLException("shutting down", "57P01"))).isTrue();
        assertThat(SqlFailures.passing(new CannotGetJdbcConnectionException("pool", new SQLException("no")))).isTrue();
        assertThat(SqlFailures.passing(new CannotCreateTransactionException("begin",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
    }

    @Test
    void refusalsAndBugsDoNotPass() {
        assertThat(SqlFailures.passing(new DataIntegrityViolationException("duplicate", new SQLException("dup", "23505")))).isFalse();
        assertThat(SqlFailures.passing(new SQLException("too long", "22001"))).isFalse();
        assertThat(SqlFailures.passing(new SQLException("canceled", "57014"))).isFalse();
        assertThat(SqlFailures.passing(new IllegalStateException("a bug"))).isFalse();
    }
}
