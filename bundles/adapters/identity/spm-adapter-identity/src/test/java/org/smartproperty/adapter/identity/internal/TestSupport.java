package org.smartproperty.adapter.identity.internal;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Builds the adapter from a configuration as DS would, and browses like a user agent. */
final class TestSupport {

    static final URI REDIRECT = URI.create("http://localhost:8181/api/v1/auth/callback?provider=gd-tyrz");
    static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private TestSupport() {
    }

    /** A {@link TyrzConfig} with the given values (name, value, …) and the annotation's defaults otherwise. */
    static TyrzConfig config(Object... nameValue) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            values.put((String) nameValue[i], nameValue[i + 1]);
        }
        return (TyrzConfig) Proxy.newProxyInstance(TyrzConfig.class.getClassLoader(), new Class<?>[] {TyrzConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> TyrzConfig.class;
                    case "toString" -> "TyrzConfig" + values;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    /** The adapter configured as DS would configure it, with no environment. */
    static TyrzIdentityProvider adapter(Object... nameValue) {
        return adapter(Map.of(), nameValue);
    }

    static TyrzIdentityProvider adapter(Map<String, String> env, Object... nameValue) {
        TyrzIdentityProvider p = new TyrzIdentityProvider();
        Function<String, String> lookup = env::get;
        p.configureWith(config(nameValue), lookup);
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
