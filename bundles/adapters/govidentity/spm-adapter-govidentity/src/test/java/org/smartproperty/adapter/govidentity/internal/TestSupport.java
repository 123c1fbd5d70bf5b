package org.smartproperty.adapter.govidentity.internal;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the adapter from a configuration as DS would, and browses like a user agent. */
final class TestSupport {

    static final URI REDIRECT = URI.create("http://localhost:8181/api/v1/auth/callback?provider=gd-zwy");
    static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The simulator's defaults: what spm-dev configures. */
    static final Object[] DEV = {"corpId", "spm-dev-corp", "corpSecret", "spm-dev-corp-secret", "agentId", "1000001",
            "paasId", "spm-dev", "paasToken", "spm-dev-paas-token"};

    private TestSupport() {
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A {@link ZwyConfig} with {@link #DEV}, then the given values (name, value, …), the annotation's defaults otherwise. */
    static ZwyConfig config(Object... nameValue) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < DEV.length; i += 2) {
            values.put((String) DEV[i], DEV[i + 1]);
        }
        for (int i = 0; i < nameValue.length; i += 2) {
            values.put((String) nameValue[i], nameValue[i + 1]);
        }
        return (ZwyConfig) Proxy.newProxyInstance(ZwyConfig.class.getClassLoader(), new Class<?>[] {ZwyConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> ZwyConfig.class;
                    case "toString" -> "ZwyConfig" + values;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    /** The adapter configured as DS would configure it, with no environment and the system clock. */
    static ZwyIdentityProvider adapter(Object... nameValue) {
        return adapter(Map.of(), Clock.systemUTC(), nameValue);
    }

    static ZwyIdentityProvider adapter(Map<String, String> env, Clock clock, Object... nameValue) {
        ZwyIdentityProvider p = new ZwyIdentityProvider();
        p.configureWith(config(nameValue), env::get, clock);
        return p;
    }

    static HttpResponse<String> browse(URI uri) throws Exception {
        return BROWSER.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }
}
