package org.smartproperty.web.console;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.smartproperty.web.support.SecurityHeaders;

/**
 * The security headers of every answer under /console/ (issue 13), {@link SecurityHeaders} (shared with the portal): a
 * Content Security Policy that allows scripts only from the platform itself (no inline scripts, no eval, no CDN);
 * inline styles are allowed because Element Plus positions popups with style attributes. Frames are denied twice (CSP
 * frame-ancestors and X-Frame-Options).
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.name=spm-console-headers",
        "osgi.http.whiteboard.filter.pattern=/console",
        "osgi.http.whiteboard.filter.pattern=/console/*"})
public class ConsoleHeaders implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            SecurityHeaders.apply(http);
        }
        chain.doFilter(request, response);
    }
}
