package org.smartproperty.platform.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;

/** DOWN unless every {@code org.smartproperty.*} bundle is ACTIVE (fragments: RESOLVED). */
@Component(service = HealthCheck.class)
public class BundlesHealthCheck implements HealthCheck {

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "bundles";
    }

    @Override
    public HealthResult check() {
        Map<String, Object> notActive = new LinkedHashMap<>();
        int count = 0;
        for (Bundle b : context.getBundles()) {
            String bsn = b.getSymbolicName();
            if (bsn == null || !bsn.startsWith("org.smartproperty.")) {
                continue;
            }
            count++;
            boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                notActive.put(bsn, state(b.getState()));
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("count", count);
        if (!notActive.isEmpty()) {
            d.put("notActive", notActive);
        }
        return new HealthResult(notActive.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN,
                notActive.isEmpty() ? count + " bundles active" : notActive.size() + " bundles not active", d);
    }

    private static String state(int s) {
        return switch (s) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
