package org.disclosureledger.projections.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.SqlProvider;

/**
 * A query that PostgreSQL plans for each call's own values, never once for any values. For a statement it has run five
 * times, PostgreSQL may keep a generic plan, made for unknown values with the table's size at that moment, until the
 * table is next analysed. A query on a list of keys ({@code = any (?)}) first run on an empty table is then kept as a
 * sequential scan: on a new ledger, the sequencer read the whole entry table for each batch (14 ms a batch at 15,000
 * entries, a fifth of both cores in a benchmark phase) until autovacuum first analysed the table, which on a new
 * database took minutes. Planned per call, the query uses the table's index whatever the statistics say, at the cost of
 * planning it (tens of microseconds). A statement's text must only ever run through here: the driver reuses a
 * statement it already named on the connection, whatever this call asks.
 */
public final class PlannedPerCall {

    private PlannedPerCall() {}

    /** The statement with its arguments set as {@code JdbcTemplate} would set them, planned for these values. */
    public static PreparedStatementCreator query(String sql, Object... arguments) {
        return new Query(sql, arguments);
    }

    /** Also a {@link SqlProvider}, so that an error names the statement. */
    private record Query(String sql, Object[] arguments) implements PreparedStatementCreator, SqlProvider {

        @Override
        public PreparedStatement createPreparedStatement(Connection connection) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            // The driver then never names the statement on the server, and PostgreSQL plans an unnamed statement for
            // the values bound to it.
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            new ArgumentPreparedStatementSetter(arguments).setValues(statement);
            return statement;
        }

        @Override
        public String getSql() {
            return sql;
        }
    }
}
