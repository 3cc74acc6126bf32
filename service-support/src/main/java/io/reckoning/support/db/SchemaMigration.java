package io.reckoning.support.db;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Brings one service's schema up to date with its own Flyway history, so services sharing a database (or a
 * process) never touch each other's tables. Runs when the bean is created, before any processor or listener
 * starts.
 */
public final class SchemaMigration {

    private final String schema;

    public SchemaMigration(DataSource dataSource, String schema) {
        this.schema = schema;
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/migration/" + schema)
                .load()
                .migrate();
    }

    public String schema() {
        return schema;
    }
}
