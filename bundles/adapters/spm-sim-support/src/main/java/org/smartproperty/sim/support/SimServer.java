package org.smartproperty.sim.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK HTTP server of a simulator: one context {@code /}, four daemon threads named after the
 * simulator, start on a port (0 = a free one), stop, the port and base URI actually listened on.
 */
public final class SimServer {

    private final String bindAddress;
    private final String threadName;
    private HttpServer server;
    private ExecutorService executor;

    public SimServer(String bindAddress, String threadName) {
        this.bindAddress = bindAddress;
        this.threadName = threadName;
    }

    /** Starts listening with {@code handler} on {@code /}; port 0 picks a free port. */
    public synchronized void start(int port, HttpHandler handler) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already running on port " + port());
        }
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindAddress), port), 0);
        AtomicInteger n = new AtomicInteger();
        ExecutorService ex = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(ex);
        s.createContext("/", handler);
        s.start();
        server = s;
        executor = ex;
    }

    /** Stops listening. Idempotent. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdown();
            server = null;
            executor = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** The port actually listened on. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not running");
        }
        return server.getAddress().getPort();
    }

    /** {@code http://host:port} of the running server (a wildcard bind address answers on the loopback). */
    public synchronized URI baseUri() {
        String host = bindAddress;
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }
}
