package com.engagementtracker.query;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, a projection's transaction commits without waiting for its write-ahead log to reach the disk
 * ({@code synchronous_commit} off for that transaction only). Commands keep waiting for theirs: a fact is stored
 * durably before it is acknowledged. A projection's batch holds nothing that is not already in the event store, and
 * it commits together with the projection's position, so if PostgreSQL itself stops before writing the last few
 * hundred milliseconds of them, the rows and the position are lost together and the events are handled again. What
 * it saves is a disk flush per batch: with every command woken four projections, four of the five flushes a command
 * cost were theirs. H2 writes each commit as it comes and is left as it is.
 */
@Component
class ProjectionTransactions {

    @Autowired
    void register(EventProcessingConfigurer processing, TransactionManager transactions, DataSource dataSource)
            throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        if ("PostgreSQL".equalsIgnoreCase(database)) {
            processing.registerDefaultTransactionManager(configuration -> () -> asynchronous(transactions, dataSource));
        }
    }

    private static Transaction asynchronous(TransactionManager transactions, DataSource dataSource) {
        Transaction transaction = transactions.startTransaction();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            // lasts until this transaction ends, whether it commits or rolls back
            statement.execute("set local synchronous_commit to off");
        } catch (SQLException e) {
            transaction.rollback();
            throw new IllegalStateException("could not start a projection's transaction", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return transaction;
    }
}
