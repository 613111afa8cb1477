package com.engagementtracker.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A read model's tables in a private in-memory H2 database, through plain JPA: projection tests run the
 * real queries without starting Spring.
 */
public final class JpaTestDatabase implements AutoCloseable {

    private final EntityManagerFactory factory;
    private final EntityManager entityManager;

    /** Every table of the query module's read models: summaries read the billing tables too. */
    private static final List<String> READ_MODEL_ENTITIES = List.of(
            "com.engagementtracker.query.summary.EngagementRow",
            "com.engagementtracker.query.summary.PersonRow",
            "com.engagementtracker.query.summary.MetricRow",
            "com.engagementtracker.query.series.RecordingRow",
            "com.engagementtracker.query.series.SeriesMetricRow",
            "com.engagementtracker.query.billing.BillingEngagementRow",
            "com.engagementtracker.query.billing.FeeChangeRow",
            "com.engagementtracker.query.billing.StatementRow",
            "com.engagementtracker.query.billing.PaymentRow",
            "com.engagementtracker.query.billing.BillingInvoiceRow",
            "com.engagementtracker.query.invoices.InvoiceRow",
            "com.engagementtracker.query.invoices.InvoicedStatementRow");

    public JpaTestDatabase() {
        PersistenceConfiguration configuration = new PersistenceConfiguration("read-model-test")
                .property(PersistenceConfiguration.JDBC_URL, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .property(PersistenceConfiguration.JDBC_USER, "sa")
                .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "create");
        for (String entity : READ_MODEL_ENTITIES) {
            try {
                configuration.managedClass(Class.forName(entity));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the read model entity " + entity + " moved", e);
            }
        }
        factory = configuration.createEntityManagerFactory();
        entityManager = factory.createEntityManager();
    }

    public EntityManager entityManager() {
        return entityManager;
    }

    /** Runs the work in one transaction, as Axon does for each batch of events, and forgets the cached rows. */
    public void inTransaction(Consumer<EntityManager> work) {
        entityManager.getTransaction().begin();
        work.accept(entityManager);
        entityManager.getTransaction().commit();
        entityManager.clear();
    }

    @Override
    public void close() {
        entityManager.close();
        factory.close();
    }
}
