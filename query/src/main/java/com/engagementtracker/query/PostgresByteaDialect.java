package com.engagementtracker.query;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * PostgreSQL with Axon's {@code @Lob byte[]} columns (event payloads, tokens) as {@code bytea}. Hibernate
 * would otherwise map them to {@code oid} large objects, which live outside the table, escape vacuum and
 * backups of the table, and are read one round trip each.
 */
public class PostgresByteaDialect extends PostgreSQLDialect {

    public PostgresByteaDialect() {
    }

    PostgresByteaDialect(DialectResolutionInfo database) {
        super(database);
    }

    /**
     * Picks this dialect for PostgreSQL and leaves every other database to Hibernate, for a process whose database
     * is only known when it starts (the query service: {@code hibernate.dialect_resolvers}).
     */
    public static class Resolver implements DialectResolver {

        @Override
        public Dialect resolveDialect(DialectResolutionInfo database) {
            return "PostgreSQL".equalsIgnoreCase(database.getDatabaseName()) ? new PostgresByteaDialect(database) : null;
        }
    }

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
    }
}
