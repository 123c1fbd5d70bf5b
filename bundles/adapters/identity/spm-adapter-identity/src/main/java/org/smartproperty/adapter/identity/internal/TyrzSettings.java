package org.smartproperty.adapter.identity.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * Validated, effective settings of the gd-tyrz adapter (after the environment override of the
 * secret). {@link #toString()} never shows the secret.
 *
 * @param baseUrl scheme://host[:port][/path] without a trailing '/'
 * @param prefix  path prefix without a trailing '/' ({@code /tif}, {@code /pscp}, …)
 */
record TyrzSettings(String baseUrl, String prefix, String clientId, String clientSecret, Duration timeout) {

    static final String SECRET_ENV = "SPM_IDP_CLIENT_SECRET";

    TyrzSettings {
        baseUrl = baseUrl(baseUrl);
        prefix = prefix(prefix);
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        clientId = clientId.trim();
        clientSecret = clientSecret == null ? "" : clientSecret;
        if (timeout == null || timeout.toMillis() < 100 || timeout.toMillis() > 120_000) {
            throw new IllegalArgumentException("timeoutMs must be between 100 and 120000: " + (timeout == null ? null : timeout.toMillis()));
        }
    }

    /** Settings from the configuration, the secret overridden by {@code SPM_IDP_CLIENT_SECRET} when set. */
    static TyrzSettings resolve(TyrzConfig c, Function<String, String> env) {
        String secret = env.apply(SECRET_ENV);
        return new TyrzSettings(c.baseUrl(), c.prefix(), c.clientId(),
                secret != null && !secret.isBlank() ? secret : c.clientSecret(), Duration.ofMillis(c.timeoutMs()));
    }

    /** {base}{prefix}{path}: where a gateway endpoint is (no query). */
    String endpoint(String path) {
        return baseUrl + prefix + path;
    }

    static String baseUrl(String raw) {
        String b = raw == null ? "" : raw.trim();
        try {
            URI u = new URI(b);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawQuery() != null
                    || u.getRawFragment() != null || u.getRawUserInfo() != null) {
                throw new IllegalArgumentException("baseUrl must be http(s)://host[:port][/path] without query: " + raw);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: " + raw, e);
        }
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b;
    }

    /** {@code /tif}, {@code /pscp}, or any other path starting with '/'; trailing '/' dropped. */
    static String prefix(String raw) {
        String p = raw == null ? "" : raw.trim();
        if (!p.startsWith("/") || p.contains("//")
                || p.chars().anyMatch(ch -> ch <= ' ' || ch == '?' || ch == '#' || ch == '%' || ch == '\\')) {
            throw new IllegalArgumentException("prefix must be /tif, /pscp or another path starting with '/': " + raw);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    @Override
    public String toString() {
        return "TyrzSettings[baseUrl=" + baseUrl + ", prefix=" + prefix + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret.isEmpty() ? "(none)" : "****") + ", timeout=" + timeout.toMillis() + "ms]";
    }
}
