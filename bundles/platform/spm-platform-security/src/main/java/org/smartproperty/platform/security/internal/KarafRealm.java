package org.smartproperty.platform.security.internal;

import java.util.HashMap;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Replaces Karaf's own {@code karaf} JAAS realm (rank 1 beats the default 0): the console, SSH
 * and JMX authenticate against the platform's accounts, so password policy, rotation, lockout
 * and TOTP apply there too. Only OPS and the three admin roles may log in; their Karaf roles
 * drive the shell command ACLs ({@code etc/org.apache.karaf.command.acl.*.cfg}).
 */
@Component(service = JaasRealm.class, immediate = true)
public class KarafRealm implements JaasRealm {

    static final String REALM = "karaf";

    @Reference
    private SecurityService security;

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    public String getName() {
        return REALM;
    }

    @Override
    public int getRank() {
        return 1;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, SpmLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(BundleContext.class.getName(), context);
        return new AppConfigurationEntry[] {
            new AppConfigurationEntry(ProxyLoginModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)
        };
    }
}
