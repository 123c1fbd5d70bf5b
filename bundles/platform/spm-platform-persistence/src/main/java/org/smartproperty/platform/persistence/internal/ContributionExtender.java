package org.smartproperty.platform.persistence.internal;

import java.io.InputStream;
import java.net.URL;
import java.time.Instant;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.contrib.ContributionException;

/**
 * The contribution extender (issue 10 item 1): for every starting or active bundle with an
 * {@value Contribution#HEADER} header it parses the named file and registers the
 * {@link Contribution} as a service of that bundle (property {@value Contribution#BUNDLE_PROPERTY});
 * security, notification and deadline collect them. A file that cannot be read or parsed is logged
 * with every problem and reported by the health check {@code contributions} (DOWN, so
 * {@code /api/v1/health/ready} shows the bundle), never thrown at the framework. A bundle that stops
 * takes its contribution away.
 */
@Component(service = HealthCheck.class, immediate = true)
public class ContributionExtender implements HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ContributionExtender.class);

    /** What the extender knows about one bundle's contribution file. */
    record State(String bundle, String file, boolean ok, String summary, List<String> problems, Instant at) {
    }

    private final Map<Long, State> states = new ConcurrentHashMap<>();
    private final Map<Long, ServiceRegistration<Contribution>> registrations = new ConcurrentHashMap<>();
    private BundleTracker<Bundle> tracker;
    private volatile BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                String file = bundle.getHeaders("").get(Contribution.HEADER);
                if (file == null || file.isBlank()) {
                    return null;
                }
                add(bundle, file.trim());
                return bundle;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                remove(bundle);
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
        registrations.keySet().forEach(id -> unregister(registrations.remove(id)));
        states.clear();
    }

    private void add(Bundle bundle, String file) {
        String bsn = bundle.getSymbolicName();
        try {
            Contribution c = read(bsn, bundle.getEntry(file), file);
            BundleContext ctx = bundle.getBundleContext();
            if (ctx == null) {
                throw new ContributionException(bsn, List.of("bundle has no context (not starting or active)"));
            }
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(Contribution.BUNDLE_PROPERTY, bsn);
            unregister(registrations.put(bundle.getBundleId(), ctx.registerService(Contribution.class, c, props)));
            String summary = c.grants().size() + " grants, " + c.messageKinds().size() + " message kinds, "
                    + c.timeLimits().size() + " time limits, " + c.auditKinds().size() + " audit object kinds";
            states.put(bundle.getBundleId(), new State(bsn, file, true, summary, List.of(), Instant.now()));
            LOG.info("Contributions of {} ({}): {}", bsn, file, summary);
        } catch (ContributionException e) {
            LOG.error("Contribution file {} of bundle {} REFUSED, nothing of it is used: {}", file, bsn, String.join("; ", e.problems()));
            states.put(bundle.getBundleId(), new State(bsn, file, false, null, e.problems(), Instant.now()));
        } catch (RuntimeException e) {
            LOG.error("Contribution file {} of bundle {} FAILED: {}", file, bsn, e.toString(), e);
            states.put(bundle.getBundleId(), new State(bsn, file, false, null, List.of(e.toString()), Instant.now()));
        }
    }

    /** Reads and parses one contribution file (outside OSGi too, for tests). */
    static Contribution read(String bsn, URL entry, String file) {
        if (entry == null) {
            throw new ContributionException(bsn, List.of(file + ": no such file in the bundle"));
        }
        try (InputStream in = entry.openStream()) {
            return Contribution.parse(bsn, in);
        } catch (java.io.IOException e) {
            throw new ContributionException(bsn, List.of(file + ": " + e.getMessage()));
        }
    }

    private void remove(Bundle bundle) {
        unregister(registrations.remove(bundle.getBundleId()));
        states.remove(bundle.getBundleId());
    }

    private static void unregister(ServiceRegistration<?> r) {
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException ignored) {
                // the bundle stopped: its registrations are gone already
            }
        }
    }

    @Override
    public String name() {
        return "contributions";
    }

    @Override
    public HealthResult check() {
        // a bundle that is gone (uninstalled, stopped) no longer counts, even where the tracker's removal was not seen
        BundleContext ctx = context;
        if (ctx != null) {
            states.keySet().removeIf(id -> {
                Bundle b = ctx.getBundle(id);
                return b == null || (b.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0;
            });
        }
        return report(List.copyOf(states.values()));
    }

    static HealthResult report(List<State> states) {
        Map<String, Object> details = new LinkedHashMap<>();
        int failed = 0;
        for (State s : states) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("file", s.file());
            d.put("status", s.ok() ? "APPLIED" : "FAILED");
            d.put("at", s.at().toString());
            if (s.ok()) {
                d.put("contributes", s.summary());
            } else {
                d.put("problems", s.problems());
                failed++;
            }
            details.put(s.bundle(), d);
        }
        return new HealthResult(failed == 0 ? HealthStatus.UP : HealthStatus.DOWN,
                failed == 0 ? details.size() + " contribution files read" : failed + " contribution files refused", details);
    }
}
