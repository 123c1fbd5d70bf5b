package org.smartproperty.sim.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * Answers of the simulators over the JDK HTTP server: a body with its content type and
 * {@code Cache-Control: no-store} (none for HEAD), a JSON value, an HTML page of the simulator's
 * site, HTML escaping. Shared by the simulators (embedded in each bundle, never exported).
 */
public final class SimHttp {

    private SimHttp() {
    }

    /** A page of a simulator's site: {@code site} names the simulated system in the title and heading. */
    public static String page(String site, String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>" + esc(title)
                + " · " + esc(site) + "（模拟器）</title>\n</head>\n<body>\n<h1>" + esc(site) + " · 模拟器</h1>\n<h2>"
                + esc(title) + "</h2>\n" + body + "</body>\n</html>\n";
    }

    /** HTML text and attribute escaping; null is empty. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    public static void sendHtml(HttpExchange ex, int status, String html) throws IOException {
        send(ex, status, "text/html; charset=UTF-8", html);
    }

    /** 200 with the value written by {@link SimJson}. */
    public static void sendJson(HttpExchange ex, Object value) throws IOException {
        send(ex, 200, "application/json; charset=UTF-8", SimJson.write(value));
    }

    public static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** An absolute http(s) redirect URI without a fragment. */
    public static boolean validRedirect(String uri) {
        if (uri == null || uri.isBlank()) {
            return false;
        }
        try {
            URI u = new URI(uri);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The query parameters (first value of each name wins), decoded. */
    public static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            m.putIfAbsent(k, v);
        }
        return m;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** {@code k=v&…}, encoded, spaces as %20. */
    public static String encodeQuery(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(enc(e.getKey())).append('=').append(enc(e.getValue() == null ? "" : e.getValue()));
        }
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
