package org.smartproperty.platform.persistence.internal;

import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import liquibase.resource.OSGiResourceAccessor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.persistence.Migrations;
import org.smartproperty.platform.persistence.SchemaReady;

/**
 * The Liquibase extender: for every starting or active bundle with an {@code SPM-Changelog}
 * header it applies the changelog on the {@code spm} DataSource and then registers a
 * {@link SchemaReady} service for that bundle. Components wait for that service, so they never
 * run against an older schema; a failed migration leaves the bundle's components unsatisfied,
 * logs the reason and shows it in {@code /api/v1/health/ready}.
 */
@Component(service = MigrationTracker.class, immediate = true)
public class LiquibaseExtender implements MigrationTracker {

    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseExtender.class);

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    private final Map<Long, MigrationState> states = new ConcurrentHashMap<>();
    private final Map<Long, ServiceRegistration<SchemaReady>> ready = new ConcurrentHashMap<>();
    private BundleTracker<Bundle> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                String changelog = bundle.getHeaders("").get(SchemaReady.CHANGELOG_HEADER);
                if (changelog == null || changelog.isBlank()) {
                    return null;
                }
                migrate(bundle, changelog.trim());
                return bundle;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                withdraw(bundle);
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
        ready.keySet().forEach(id -> {
            ServiceRegistration<SchemaReady> r = ready.remove(id);
            safeUnregister(r);
        });
    }

    private void migrate(Bundle bundle, String changelog) {
        String bsn = bundle.getSymbolicName();
        states.put(bundle.getBundleId(), new MigrationState(bsn, changelog, MigrationState.Status.PENDING, 0, null, Instant.now()));
        try {
            long t0 = System.nanoTime();
            int applied = Migrations.migrate(dataSource, changelog, new OSGiResourceAccessor(bundle));
            LOG.info("Schema of {} up to date ({} change sets applied in {} ms)", bsn, applied, (System.nanoTime() - t0) / 1_000_000);
            states.put(bundle.getBundleId(), new MigrationState(bsn, changelog, MigrationState.Status.APPLIED, applied, null, Instant.now()));
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(SchemaReady.BUNDLE_PROPERTY, bsn);
            SchemaReady marker = new SchemaReady() {
                @Override
                public String bundleSymbolicName() {
                    return bsn;
                }

                @Override
                public String changelog() {
                    return changelog;
                }
            };
            ServiceRegistration<SchemaReady> reg = bundle.getBundleContext() != null
                    ? bundle.getBundleContext().registerService(SchemaReady.class, marker, props)
                    : null;
            if (reg != null) {
                safeUnregister(ready.put(bundle.getBundleId(), reg));
            }
        } catch (Exception | LinkageError e) {
            // LinkageError: a Liquibase feature whose optional library is missing must not kill the extender
            String reason = rootMessage(e);
            LOG.error("Migration {} of bundle {} FAILED; its services stay unavailable: {}", changelog, bsn, reason, e);
            states.put(bundle.getBundleId(), new MigrationState(bsn, changelog, MigrationState.Status.FAILED, 0, reason, Instant.now()));
        }
    }

    private void withdraw(Bundle bundle) {
        safeUnregister(ready.remove(bundle.getBundleId()));
        states.remove(bundle.getBundleId());
    }

    private static void safeUnregister(ServiceRegistration<?> r) {
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException ignored) {
                // bundle already stopped: its registrations are gone
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }

    @Override
    public List<MigrationState> states() {
        return List.copyOf(states.values());
    }
}
