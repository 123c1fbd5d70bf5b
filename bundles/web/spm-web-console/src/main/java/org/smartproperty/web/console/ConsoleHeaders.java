package org.smartproperty.web.console;

import java.io.IOException;
import java.util.Map;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * The security headers of every answer under /console/ (issue 13): a Content Security Policy that allows scripts only
 * from the platform itself (no inline scripts, no eval, no CDN); inline styles are allowed because Element Plus
 * positions popups with style attributes. Frames are denied twice (CSP frame-ancestors and X-Frame-Options).
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.name=spm-console-headers",
        "osgi.http.whiteboard.filter.pattern=/console",
        "osgi.http.whiteboard.filter.pattern=/console/*"})
public class ConsoleHeaders implements Filter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(self)");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            HEADERS.forEach(http::setHeader);
        }
        chain.doFilter(request, response);
    }
}
