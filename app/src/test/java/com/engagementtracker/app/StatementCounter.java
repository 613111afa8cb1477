package com.engagementtracker.app;

import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on the web server's request threads, not the event processors':
 * what one HTTP request costs the database. Named by {@code hibernate.session_factory.statement_inspector}.
 */
public class StatementCounter implements StatementInspector {

    static final AtomicInteger REQUESTS = new AtomicInteger();

    @Override
    public String inspect(String sql) {
        if (Thread.currentThread().getName().contains("-exec-")) {
            REQUESTS.incrementAndGet();
        }
        return sql;
    }
}
