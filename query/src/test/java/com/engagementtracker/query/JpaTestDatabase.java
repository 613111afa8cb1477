package com.engagementtracker.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A read model's tables in a private in-memory H2 database, through plain JPA: projection tests run the
 * real queries without starting Spring.
 */
public final class JpaTestDatabase implements AutoCloseable {

    private final EntityManagerFactory factory;
    private final EntityManager entityManager;

    public JpaTestDatabase(Class<?>... entities) {
        PersistenceConfiguration configuration = new PersistenceConfiguration("read-model-test")
                .property(PersistenceConfiguration.JDBC_URL, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .property(PersistenceConfiguration.JDBC_USER, "sa")
                .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "create");
        for (Class<?> entity : entities) {
            configuration.managedClass(entity);
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
