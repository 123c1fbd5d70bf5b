package org.smartproperty.adapter.govidentity.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * Validated, effective settings of the gd-zwy adapter (after the environment overrides of the two
 * secrets). {@link #toString()} never shows the secrets.
 *
 * @param baseUrl      gateway, scheme://host[:port][/path] without a trailing '/'
 * @param authorizeUrl the 粤政易 authorize page, absolute http(s) without query or fragment
 */
record ZwySettings(String baseUrl, String authorizeUrl, String corpId, String corpSecret, String agentId, String paasId,
                   String paasToken, Duration connectTimeout, Duration requestTimeout, boolean fetchUserDetails) {

    static final String CORP_SECRET_ENV = "SPM_ZWY_CORP_SECRET";
    static final String PAAS_TOKEN_ENV = "SPM_ZWY_PAAS_TOKEN";

    ZwySettings {
        baseUrl = url(baseUrl, "baseUrl");
        authorizeUrl = url(authorizeUrl, "authorizeUrl");
        corpId = required(corpId, "corpId");
        agentId = required(agentId, "agentId");
        paasId = required(paasId, "paasId");
        if (corpSecret == null || corpSecret.isEmpty()) {
            throw new IllegalArgumentException("corpSecret is required (or the environment variable " + CORP_SECRET_ENV + ")");
        }
        if (paasToken == null || paasToken.isEmpty()) {
            throw new IllegalArgumentException("paasToken is required (or the environment variable " + PAAS_TOKEN_ENV + ")");
        }
        if (connectTimeout == null || connectTimeout.toMillis() < 100 || connectTimeout.toMillis() > 60_000) {
            throw new IllegalArgumentException("connectTimeoutMs must be between 100 and 60000: "
                    + (connectTimeout == null ? null : connectTimeout.toMillis()));
        }
        if (requestTimeout == null || requestTimeout.toMillis() < 100 || requestTimeout.toMillis() > 120_000) {
            throw new IllegalArgumentException("requestTimeoutMs must be between 100 and 120000: "
                    + (requestTimeout == null ? null : requestTimeout.toMillis()));
        }
    }

    /** Settings from the configuration, the secrets overridden by the environment when set (not blank). */
    static ZwySettings resolve(ZwyConfig c, Function<String, String> env) {
        return new ZwySettings(c.baseUrl(), c.authorizeUrl(), c.corpId(), override(env, CORP_SECRET_ENV, c.corpSecret()),
                c.agentId(), c.paasId(), override(env, PAAS_TOKEN_ENV, c.paasToken()), Duration.ofMillis(c.connectTimeoutMs()),
                Duration.ofMillis(c.requestTimeoutMs()), c.fetchUserDetails());
    }

    private static String override(Function<String, String> env, String name, String configured) {
        String v = env.apply(name);
        return v != null && !v.isBlank() ? v : configured;
    }

    /** {baseUrl}{path}: where a gateway endpoint is (no query). */
    String endpoint(String path) {
        return baseUrl + path;
    }

    private static String required(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v.trim();
    }

    static String url(String raw, String name) {
        String b = raw == null ? "" : raw.trim();
        try {
            URI u = new URI(b);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawQuery() != null
                    || u.getRawFragment() != null || u.getRawUserInfo() != null) {
                throw new IllegalArgumentException(name + " must be http(s)://host[:port][/path] without query or fragment: " + raw);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL: " + raw, e);
        }
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b;
    }

    @Override
    public String toString() {
        return "ZwySettings[baseUrl=" + baseUrl + ", authorizeUrl=" + authorizeUrl + ", corpId=" + corpId
                + ", corpSecret=****, agentId=" + agentId + ", paasId=" + paasId + ", paasToken=****, connectTimeout="
                + connectTimeout.toMillis() + "ms, requestTimeout=" + requestTimeout.toMillis() + "ms, fetchUserDetails="
                + fetchUserDetails + "]";
    }
}
