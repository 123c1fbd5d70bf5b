package org.smartproperty.platform.persistence;

import java.util.HashMap;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * Creates an EclipseLink persistence unit over the platform's DataSource, loading
 * {@code META-INF/persistence.xml} and the entities with the given class loader (the impl
 * bundle's, inside Karaf). The database platform (H2 or PostgreSQL) is detected from the
 * connection: {@code eclipselink.target-database} is deliberately not set.
 */
public final class JpaUnits {

    private JpaUnits() {
    }

    public static EntityManagerFactory create(String unitName, DataSource dataSource, ClassLoader loader) {
        return create(unitName, dataSource, loader, Map.of());
    }

    public static EntityManagerFactory create(String unitName, DataSource dataSource, ClassLoader loader, Map<String, ?> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource);
        props.put(PersistenceUnitProperties.TRANSACTION_TYPE, "RESOURCE_LOCAL");
        props.put(PersistenceUnitProperties.CLASSLOADER, loader);
        props.put(PersistenceUnitProperties.WEAVING, "false");
        props.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE);
        props.put(PersistenceUnitProperties.BATCH_WRITING, "JDBC");
        props.put(PersistenceUnitProperties.BATCH_WRITING_SIZE, "500");
        props.put(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false");
        props.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        props.put("eclipselink.logging.logger", "JavaLogger");
        // a unique session per factory: EclipseLink caches sessions by name, and a bundle update or a
        // second test class would otherwise get the old session with the old class loader and DataSource
        props.put(PersistenceUnitProperties.SESSION_NAME, unitName + "-" + java.util.UUID.randomUUID());
        props.putAll(extra);
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory(unitName, props);
            if (emf == null) {
                throw new IllegalStateException("persistence unit " + unitName + " not found by " + loader);
            }
            return emf;
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
