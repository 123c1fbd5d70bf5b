package org.smartproperty.adapter.wechat.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Validated, effective settings of the WeChat adapter (INT-WX) after the secret was resolved: {@code SPM_WECHAT_SECRET},
 * else the first line of {@code secretFile}, else {@code secret}. {@link #toString()} never shows the secret.
 */
record WechatSettings(String appId, String secret, String baseUrl, Duration connectTimeout, Duration requestTimeout,
                      Duration refreshMargin, WechatTemplates templates, String page, String miniprogramState, String lang) {

    static final String SECRET_ENV = "SPM_WECHAT_SECRET";
    static final Set<String> STATES = Set.of("formal", "trial", "developer");
    static final Set<String> LANGS = Set.of("zh_CN", "zh_TW", "zh_HK", "en_US");

    /** The settings of {@code c}; a bad value is an IllegalArgumentException naming it. */
    static WechatSettings resolve(WechatConfig c, Function<String, String> env) {
        String appId = c.appId() == null ? "" : c.appId().trim();
        String secret = env.apply(SECRET_ENV);
        if (secret == null || secret.isBlank()) {
            String file = c.secretFile() == null ? "" : c.secretFile().trim();
            if (!file.isEmpty()) {
                try {
                    List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
                    secret = lines.isEmpty() ? "" : lines.get(0).trim();
                } catch (IOException e) {
                    throw new IllegalArgumentException("secretFile " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
                }
            } else {
                secret = c.secret();
            }
        }
        secret = secret == null ? "" : secret.trim();
        if (!appId.isEmpty() && secret.isEmpty()) {
            throw new IllegalArgumentException("appId " + appId + " is set but no secret (secret, secretFile or " + SECRET_ENV + ")");
        }
        String state = c.miniprogramState() == null ? "formal" : c.miniprogramState().trim();
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("miniprogramState must be formal, trial or developer: " + c.miniprogramState());
        }
        String lang = c.lang() == null ? "zh_CN" : c.lang().trim();
        if (!LANGS.contains(lang)) {
            throw new IllegalArgumentException("lang must be zh_CN, zh_TW, zh_HK or en_US: " + c.lang());
        }
        String page = c.page() == null ? "" : c.page().trim();
        if (page.startsWith("/") || page.contains("?") || page.contains("#")) {
            throw new IllegalArgumentException("page must be a mini program path without '/' first, query or fragment: " + c.page());
        }
        return new WechatSettings(appId, secret, baseUrl(c.baseUrl()), Duration.ofMillis(Math.max(100, c.connectTimeoutMillis())),
                Duration.ofMillis(Math.max(100, c.requestTimeoutMillis())), Duration.ofSeconds(Math.max(0, c.tokenRefreshMarginSeconds())),
                WechatTemplates.parse(c.templates()), page, state, lang);
    }

    /** Whether the adapter is configured to act (an appid is set). */
    boolean enabled() {
        return !appId.isEmpty();
    }

    /** The language of the '@' values of the templates. */
    Locale locale() {
        return switch (lang) {
            case "zh_TW", "zh_HK" -> Locale.TRADITIONAL_CHINESE;
            case "en_US" -> Locale.ENGLISH;
            default -> Locale.SIMPLIFIED_CHINESE;
        };
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

    @Override
    public String toString() {
        return "WechatSettings[appId=" + (appId.isEmpty() ? "(none: disabled)" : appId) + ", secret=" + (secret.isEmpty() ? "(none)" : "****")
                + ", baseUrl=" + baseUrl + ", timeouts=" + connectTimeout.toMillis() + "/" + requestTimeout.toMillis() + "ms, templates="
                + templates.kinds() + ", page=" + page + ", state=" + miniprogramState + ", lang=" + lang + "]";
    }
}
