package org.smartproperty.sim.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

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
}
