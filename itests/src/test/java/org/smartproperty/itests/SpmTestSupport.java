package org.smartproperty.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;

/**
 * One base class for the in-container tests: boots the assembled distribution
 * (distribution/target/*.tar.gz) with the HTTP port and database of the test, and offers an HTTP
 * client and polling helpers (no sleeping).
 */
public abstract class SpmTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    static {
        watchParent();
    }

    /**
     * In the forked Karaf (where the probe loads this class): end the container when the test JVM that
     * forked it is gone. Surefire may end its fork before any stop or shutdown hook of ours has ended the
     * container (clean-clone runs left the shared container running under PID 1, holding PostgreSQL
     * connections); polling the parent's PID needs nothing from that JVM. Once per container JVM.
     */
    private static void watchParent() {
        String parent = System.getProperty("spm.it.parent.pid");
        if (parent == null || System.getProperties().putIfAbsent("spm.it.watchdog", "started") != null) {
            return;
        }
        java.util.Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(parent));
        Thread t = new Thread(() -> {
            while (handle.map(ProcessHandle::isAlive).orElse(false)) {
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000_000L);
            }
            System.err.println("spm itests: the test JVM " + parent + " is gone; stopping this container");
            System.exit(0); // Karaf's shutdown hook stops the framework
        }, "spm-it-parent-watchdog");
        t.setDaemon(true);
        t.start();
    }
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Options common to every suite; {@code database} adds the database choice. */
    protected static Option[] distribution(List<Option> database) {
        String dist = System.getProperty("spm.distribution");
        int port = freePort();
        List<Option> o = new ArrayList<>();
        o.add(karafDistributionConfiguration().frameworkUrl(new File(dist).toURI().toString())
                .name("SmartProperty").karafVersion("4.4.10").unpackDirectory(new File("target/exam")).useDeployFolder(false));
        o.add(configureConsole().ignoreLocalConsole().ignoreRemoteShell());
        o.add(logLevel(LogLevelOption.LogLevel.WARN));
        o.add(vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"));
        o.add(editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(port)));
        o.add(systemProperty("spm.it.port").value(Integer.toString(port)));
        o.add(systemProperty("spm.it.parent.pid").value(Long.toString(ProcessHandle.current().pid()))); // watchParent()
        // Pax Exam appends its own "exam" feature (remote bundle context, probe extender, invoker) to featuresBoot.
        // In one stage with spm-dev, the probe was installed as soon as the remote context was up, while the rest of
        // the stage was still being installed; a refresh of the invoker bundle then left the probe without its
        // ProbeInvoker and every test of the suite waited 180 s in vain (CI, 3 of 8 containers). Wrapping the
        // distribution's boot features in one stage of their own makes Karaf install and refresh them completely
        // before the exam stage starts, so the probe arrives in a settled container.
        o.add(editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot", "(" + bootFeatures(dist) + ")"));
        // the remote bundle context now comes up only after the whole first stage: on a loaded 2-core machine that
        // took longer than Pax Exam's default 180 s; waiting longer costs nothing when the boot is quick
        o.add(org.ops4j.pax.exam.CoreOptions.systemTimeout(600_000));
        int idp = freePort();
        o.add(editConfigurationFilePut("etc/org.smartproperty.sim.identity.cfg", "port", Integer.toString(idp)));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.identity.cfg", "baseUrl", "http://127.0.0.1:" + idp));
        int zwy = freePort();
        o.add(editConfigurationFilePut("etc/org.smartproperty.sim.govidentity.cfg", "port", Integer.toString(zwy)));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.govidentity.cfg", "baseUrl", "http://127.0.0.1:" + zwy));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.govidentity.cfg", "authorizeUrl", "http://127.0.0.1:" + zwy
                + "/connect/oauth2/authorize"));
        // a cfg file written here replaces the feature's <config>: the simulator's credentials too
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.govidentity.cfg", "corpId", "spm-dev-corp"));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.govidentity.cfg", "corpSecret", "spm-dev-corp-secret"));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.govidentity.cfg", "agentId", "1000001"));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.govidentity.cfg", "paasId", "spm-dev"));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.govidentity.cfg", "paasToken", "spm-dev-paas-token"));
        // every simulator on a free port too, so containers of parallel builds never share one (a simulator that
        // cannot bind its port fails the container's start)
        int realestate = freePort();
        o.add(editConfigurationFilePut("etc/org.smartproperty.sim.realestate.cfg", "port", Integer.toString(realestate)));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.realestate.cfg", "baseUrl", "http://127.0.0.1:" + realestate));
        o.add(systemProperty("spm.it.realestate.port").value(Integer.toString(realestate)));
        int registration = freePort();
        o.add(editConfigurationFilePut("etc/org.smartproperty.sim.registration.cfg", "port", Integer.toString(registration)));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.registration.cfg", "baseUrl", "http://127.0.0.1:" + registration));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.registration.cfg", "apiKey", "spm-dev-registration"));
        o.add(systemProperty("spm.it.registration.port").value(Integer.toString(registration)));
        int gis = freePort(); // INT-GIS: the WMTS simulator; a cfg file written here replaces the feature's <config>, the key too
        o.add(editConfigurationFilePut("etc/org.smartproperty.sim.gis.cfg", "port", Integer.toString(gis)));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.gis.cfg", "baseUrl", "http://127.0.0.1:" + gis));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.gis.cfg", "tk", "spm-dev-gis"));
        o.add(systemProperty("spm.it.gis.port").value(Integer.toString(gis)));
        int wechat = freePort(); // INT-WX (issue 18): the WeChat simulator; the cfg written here replaces the feature's <config>
        o.add(editConfigurationFilePut("etc/org.smartproperty.sim.wechat.cfg", "port", Integer.toString(wechat)));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.wechat.cfg", "appId", "wx5e1c0de5a1f0d3ee"));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.wechat.cfg", "secret", "spm-dev-wechat-secret"));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.wechat.cfg", "baseUrl", "http://127.0.0.1:" + wechat));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.wechat.cfg", "miniprogramState", "developer"));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.wechat.cfg", "templates",
                "REPAIR_RECEIVED=spmRepairProgress;character_string1=no;phrase2=@received REPAIR_DONE=spmRepairProgress;character_string1=no;phrase2=@done"
                        + " COMPLAINT_RESULT=spmComplaintResult;character_string1=no;phrase2=@handled;thing3=result"
                        + " VOTE_NOTICE=spmVoteNotice;thing1=title;thing2=estate;date3=startsAt;date4=endsAt VOTE_OPEN=spmVoteOpen;thing1=title;date2=endsAt"));
        o.add(systemProperty("spm.it.wechat.port").value(Integer.toString(wechat)));
        int sms = freePort();
        o.add(editConfigurationFilePut("etc/org.smartproperty.sim.sms.cfg", "port", Integer.toString(sms)));
        o.add(editConfigurationFilePut("etc/org.smartproperty.sim.sms.cfg", "receiptUrl",
                "http://127.0.0.1:" + port + "/api/v1/sms/receipts/{provider}"));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.sms.cfg", "provider", "aliyun"));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.sms.cfg", "endpoint", "http://127.0.0.1:" + sms + "/aliyun/"));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.sms.cfg", "accessKeyId", "spm-dev"));
        o.add(editConfigurationFilePut("etc/org.smartproperty.adapter.sms.cfg", "accessKeySecret", "spm-dev-secret"));
        o.add(systemProperty("spm.it.sms.port").value(Integer.toString(sms)));
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        o.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo));
        if (Boolean.getBoolean("spm.it.keep")) {
            o.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder());
        }
        o.addAll(database);
        return o.toArray(new Option[0]);
    }

    private static Option[] shared;

    /**
     * The one configuration of the suites that share a container ({@link SharedContainer}, issue 10
     * item 7): the distribution on a PostgreSQL schema of its own, with the SMS settings
     * NotificationIT needs (receipts after 1 s with the receipt token, the outbox polled every
     * 200 ms; the other suites only look at outbox rows). Built once per JVM, so every sharing class
     * hands Pax Exam the same options and only one schema is created. A suite that needs other
     * settings, another database or a container it may break keeps its own container
     * ({@code PerClass}, e.g. EmbeddedDefaultIT).
     */
    protected static synchronized Option[] sharedContainer() {
        if (shared == null) {
            List<Option> o = new ArrayList<>(List.of(distribution(postgres())));
            o.add(editConfigurationFilePut("etc/org.smartproperty.sim.sms.cfg", "receiptDelaySeconds", "1"));
            o.add(editConfigurationFilePut("etc/org.smartproperty.notification.cfg", "receiptToken", "spm-dev-receipts"));
            o.add(editConfigurationFilePut("etc/org.smartproperty.notification.cfg", "pollMillis", "200"));
            // ConsoleBrowserIT (issue 13): the itests folder, where the browser script and target/screenshots are
            o.add(systemProperty("spm.it.itests.dir").value(new File("").getAbsolutePath()));
            // ArchetypeDomainIT: where the archetype's IT built the generated domain (its bundles are installed from there)
            String archetypeProject = System.getProperty("spm.it.archetype.project");
            if (archetypeProject != null) {
                o.add(systemProperty("spm.it.archetype.project").value(new File(archetypeProject).getAbsolutePath()));
            }
            shared = o.toArray(new Option[0]);
        }
        return shared.clone();
    }

    /** The distribution's boot features (etc/org.apache.karaf.features.cfg of the assembly beside the archive). */
    static String bootFeatures(String distribution) {
        File cfg = new File(new File(distribution).getParentFile(), "assembly/etc/org.apache.karaf.features.cfg");
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = java.nio.file.Files.newBufferedReader(cfg.toPath(), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the boot features of the assembly: " + cfg, e);
        }
        String boot = p.getProperty("featuresBoot", "").trim();
        if (boot.isEmpty() || boot.contains("(")) {
            throw new IllegalStateException("expected a flat featuresBoot list in " + cfg + ", found: " + boot);
        }
        return boot;
    }

    /** Runs Karaf shell commands in one session (as the console would) and returns what each answered. */
    static List<String> shell(org.osgi.framework.BundleContext context, String... commands) throws Exception {
        org.osgi.framework.ServiceReference<?> ref = context.getServiceReference("org.apache.karaf.shell.api.console.SessionFactory");
        if (ref == null) {
            throw new AssertionError("no Karaf shell");
        }
        Class<?> factoryType = ref.getBundle().loadClass("org.apache.karaf.shell.api.console.SessionFactory");
        Class<?> sessionType = ref.getBundle().loadClass("org.apache.karaf.shell.api.console.Session");
        Object factory = context.getService(ref);
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(sink, true, StandardCharsets.UTF_8);
        Object session = factoryType.getMethod("create", java.io.InputStream.class, java.io.PrintStream.class, java.io.PrintStream.class)
                .invoke(factory, new java.io.ByteArrayInputStream(new byte[0]), out, out);
        try {
            java.lang.reflect.Method execute = sessionType.getMethod("execute", CharSequence.class);
            List<String> answers = new ArrayList<>();
            for (String command : commands) {
                try {
                    answers.add(String.valueOf(execute.invoke(session, command)));
                } catch (java.lang.reflect.InvocationTargetException e) {
                    // the shell's own exception types do not cross to the test JVM: keep their message
                    throw new AssertionError(command + ": " + e.getCause());
                }
            }
            return answers;
        } finally {
            sessionType.getMethod("close").invoke(session);
            context.ungetService(ref);
        }
    }

    /** PostgreSQL: a fresh schema on the test server for this container. */
    protected static List<Option> postgres() {
        String url = System.getProperty("spm.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("spm.test.db.user", "postgres");
        String schema = "it_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL for the integration tests is not reachable at " + url, e);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return List.of(
                editConfigurationFilePut("etc/org.smartproperty.db.cfg", "url", schemaUrl),
                editConfigurationFilePut("etc/org.smartproperty.db.cfg", "user", user),
                systemProperty("spm.db.url").value(schemaUrl),
                systemProperty("spm.db.user").value(user),
                systemProperty("spm.it.schema").value(schema));
    }

    /** Bearer token sent by get/send when the call names no Authorization header itself. */
    static volatile String token;

    static final String DEMO_PASSWORD = "Demo@2026spm";

    /** Logs in and returns the bearer token, or null when the login is refused. Admins give their TOTP secret: see {@link #freshTotp}. */
    static String login(String user, String password, String totpSecret) {
        String stepsKey = totpSecret == null ? null : root() + " " + user;
        for (int attempt = 0; ; attempt++) {
            if (stepsKey != null) { // the steps the browser suites used for this account (ConsoleBrowserIT)
                Long browser = browserTotpSteps().get(stepsKey);
                if (browser != null) {
                    usedTotpSteps.merge(totpSecret, browser, Math::max);
                }
            }
            String code = totpSecret == null ? null : freshTotp(totpSecret);
            if (stepsKey != null) {
                recordBrowserTotpStep(stepsKey, usedTotpSteps.get(totpSecret));
            }
            String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\""
                    + (code == null ? "" : ",\"totp\":\"" + code + "\"") + "}";
            HttpResponse<String> r = send("POST", "/auth/login", body, "Authorization", "none");
            if (r != null && r.statusCode() == 401 && totpSecret != null && attempt < 2 && "auth.totpReplayed".equals(json(r).path("code").asText())) {
                // a step this helper did not see (another client of the container): the platform's last step is at most the next one
                usedTotpSteps.merge(totpSecret, java.time.Instant.now().getEpochSecond() / 30 + 1, Math::max);
                continue;
            }
            if (r == null || r.statusCode() != 200) {
                return null;
            }
            return json(r).get("token").asText();
        }
    }

    /**
     * The TOTP steps the browser suites' runner ({@code src/test/browser/run.mjs}, {@code freshStep}) used, by
     * {@code "<root URL> <username>"}: the two sides share this file, so that a login here after a browser suite takes the
     * next step at once instead of sending a replayed code and then waiting for the step after it (up to 30 s).
     */
    static final java.nio.file.Path BROWSER_TOTP_STEPS = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "spm-browser-totp-steps.json");

    static java.util.Map<String, Long> browserTotpSteps() {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        try {
            if (java.nio.file.Files.isRegularFile(BROWSER_TOTP_STEPS)) {
                JSON.readTree(BROWSER_TOTP_STEPS.toFile()).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
            }
        } catch (java.io.IOException e) {
            // unreadable (being written): the replay answer below still leads to a fresh step
        }
        return out;
    }

    static void recordBrowserTotpStep(String key, long step) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode all = java.nio.file.Files.isRegularFile(BROWSER_TOTP_STEPS)
                    ? (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(BROWSER_TOTP_STEPS.toFile()) : JSON.createObjectNode();
            all.put(key, Math.max(step, all.path(key).asLong(Long.MIN_VALUE)));
            JSON.writeValue(BROWSER_TOTP_STEPS.toFile(), all);
        } catch (java.io.IOException | ClassCastException e) {
            // best effort: the browser runner retries on a replayed step too
        }
    }

    /** The last TOTP time step this container's tests used, per secret. */
    private static final java.util.Map<String, Long> usedTotpSteps = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A TOTP code the platform has not accepted yet: it takes each time step once per account
     * (issue 10 item 8), so a second admin login within 30 s must not send the same code. The
     * current step's code, else the next step's (the platform allows one step of clock skew), else,
     * when both are spent, the code of the step after them once the next step has begun. Waiting
     * for a TOTP step is inherent to the protocol: there is no state to poll.
     */
    static synchronized String freshTotp(String base32) {
        long step = java.time.Instant.now().getEpochSecond() / 30;
        Long last = usedTotpSteps.get(base32);
        long use = last == null || last < step ? step : last + 1;
        if (use > step + 1) {
            long waitMillis = (use - 1) * 30_000L - System.currentTimeMillis();
            if (waitMillis > 0) {
                try {
                    Thread.sleep(waitMillis + 50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        usedTotpSteps.put(base32, use);
        return totp(base32, use * 30);
    }

    /** RFC 6238 code for a base32 secret (what an authenticator app shows). */
    static String totp(String base32, long epochSeconds) {
        try {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
            int buffer = 0, bits = 0;
            for (char c : base32.toCharArray()) {
                buffer = (buffer << 5) | alphabet.indexOf(c);
                bits += 5;
                if (bits >= 8) {
                    key.write((buffer >> (bits - 8)) & 0xff);
                    bits -= 8;
                }
            }
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.toByteArray(), "HmacSHA1"));
            byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(epochSeconds / 30).array());
            int o = h[h.length - 1] & 0x0f;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> getAs(String bearer, String path) {
        return get(path, "Authorization", bearer == null ? "none" : "Bearer " + bearer);
    }

    /** The container's HTTP root (console, portal, API below it). */
    static String root() {
        return "http://localhost:" + System.getProperty("spm.it.port");
    }

    static String base() {
        return root() + "/api/v1";
    }

    static HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET(), headers);
    }

    static HttpResponse<String> send(String method, String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json"), headers);
    }

    /** Uploads bytes to /api/v1/files as {@code bearer} (null: the default token); the body is the file. */
    static HttpResponse<String> upload(String bearer, String name, byte[] content) {
        return send(HttpRequest.newBuilder(URI.create(base() + "/files?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).header("Content-Type", "application/octet-stream"),
                bearer == null ? new String[0] : new String[] {"Authorization", "Bearer " + bearer});
    }

    /** A small but complete PDF (header and trailer), distinct per call. */
    static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + " " + System.nanoTime() + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b, String... headers) {
        boolean auth = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Authorization")) {
                auth = true;
                if (headers[i + 1].equals("none")) {
                    continue;
                }
            }
            b.header(headers[i], headers[i + 1]);
        }
        if (!auth && token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    /**
     * Readiness as {@code spm status} on the node sees it: with the probe token the platform wrote to
     * {@code data/security/health-token} (anonymous callers get the statuses only, issue 20 item 6).
     */
    static HttpResponse<String> readyAsOperator() {
        try {
            java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("karaf.data"), "security", "health-token");
            if (!java.nio.file.Files.exists(file)) {
                return get("/health/ready");
            }
            return get("/health/ready", "X-SPM-Health-Token", java.nio.file.Files.readString(file).trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Polls until the condition holds or the timeout passes; returns the last response (readiness with the operator's details). */
    static HttpResponse<String> await(String path, Predicate<HttpResponse<String>> ok, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < end) {
            last = path.startsWith("/health/ready") ? readyAsOperator() : get(path);
            if (last != null && ok.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("timed out waiting for " + path + ": " + (last == null ? "no answer" : last.statusCode() + " " + last.body()));
    }

    /**
     * Waits until the platform is ready and the demo data set is fully seeded, and logs in as
     * demo-regulator (demo accounts are created once the demo estates are in).
     */
    static void awaitDemoData() {
        await("/health/ready", r -> r.statusCode() == 200
                && "UP".equals(json(r).at("/checks/demo-data/status").asText()), Duration.ofSeconds(300));
        if (token == null) {
            token = login("demo-regulator", DEMO_PASSWORD, null);
        }
        if (token == null) {
            throw new AssertionError("demo-regulator could not log in");
        }

    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            return 18181;
        }
    }
}
