package org.smartproperty.ops.shell.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.smartproperty.ops.HealthProbes;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;

/**
 * Health check {@code tls} (OPS-2): when this node terminates HTTPS itself
 * ({@code org.osgi.service.http.secure.enabled = true} in {@code etc/org.ops4j.pax.web.cfg}), the
 * expiry of the certificates in its key store: WARNING within 30 days, DOWN once expired. When TLS is
 * terminated in front of the platform (the usual set-up), UP with a note.
 */
@Component(service = HealthCheck.class)
public class TlsCertificateCheck implements HealthCheck {

    static final int WARN_DAYS = 30;
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    @Override
    public String name() {
        return "tls";
    }

    /** Operational, not a condition of serving: see {@link HealthCheck#readiness()}. */
    @Override
    public boolean readiness() {
        return false;
    }

    @Override
    public HealthResult check() {
        Path etc = ShellSupport.karafDir("karaf.etc");
        Path cfg = etc == null ? null : etc.resolve("org.ops4j.pax.web.cfg");
        if (cfg == null || !Files.isRegularFile(cfg)) {
            return HealthResult.up("TLS not configured on this node", Map.of());
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(cfg, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return HealthResult.down("unreadable: " + cfg + ": " + e.getMessage(), Map.of());
        }
        if (!Boolean.parseBoolean(resolve(p.getProperty("org.osgi.service.http.secure.enabled", "false")))) {
            return HealthResult.up("TLS not configured on this node (terminated in front of the platform)", Map.of());
        }
        String keystore = resolve(p.getProperty("org.ops4j.pax.web.ssl.keystore", ""));
        if (keystore.isBlank()) {
            return HealthResult.down("HTTPS enabled but no key store configured (org.ops4j.pax.web.ssl.keystore)", Map.of());
        }
        String password = resolve(p.getProperty("org.ops4j.pax.web.ssl.keystore.password", ""));
        return HealthProbes.certificates(Path.of(keystore), password.toCharArray(), resolve(p.getProperty("org.ops4j.pax.web.ssl.keystore.type", "")),
                WARN_DAYS, Clock.systemUTC());
    }

    /** {@code ${karaf.etc}} and other system properties in a value. */
    static String resolve(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(System.getProperty(m.group(1), "")));
        }
        return m.appendTail(b).toString().trim();
    }
}
