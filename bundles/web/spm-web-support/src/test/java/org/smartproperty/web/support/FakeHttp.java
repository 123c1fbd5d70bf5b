package org.smartproperty.web.support;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;

/** Just enough of a bundle, a request and an answer (dynamic proxies) to test the serving outside a container. */
final class FakeHttp {

    private FakeHttp() {
    }

    /** A bundle whose entries are the files under {@code dir} (folders answer URLs ending in "/", as a bundle's do). */
    static Bundle bundle(Path dir) {
        return (Bundle) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getEntry")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Path file = dir.resolve((String) args[0]);
                    if (!Files.exists(file)) {
                        return null;
                    }
                    String url = file.toUri().toString();
                    return new URL(Files.isDirectory(file) && !url.endsWith("/") ? url + "/" : url);
                });
    }

    static HttpServletRequest request(String method) {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
                    if (m.getName().equals("getMethod")) {
                        return method;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    /** What was answered: status, headers, type, length and body. */
    static final class Answer {
        int status = HttpServletResponse.SC_OK;
        int error;
        String contentType;
        long length = -1;
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "setStatus" -> status = (Integer) args[0];
                            case "sendError" -> error = (Integer) args[0];
                            case "setContentType" -> contentType = (String) args[0];
                            case "setContentLengthLong" -> length = (Long) args[0];
                            case "getOutputStream" -> {
                                return new ServletOutputStream() {
                                    @Override
                                    public void write(int b) {
                                        body.write(b);
                                    }

                                    @Override
                                    public boolean isReady() {
                                        return true;
                                    }

                                    @Override
                                    public void setWriteListener(WriteListener listener) {
                                        throw new UnsupportedOperationException();
                                    }
                                };
                            }
                            default -> throw new UnsupportedOperationException(m.getName());
                        }
                        return null;
                    });
        }
    }
}
