package org.smartproperty.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.Progress;
import org.smartproperty.ops.SimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The common contract of every command: {@code --output table|json} (JSON: {@code version},
 * {@code command}, {@code status}, {@code records} each with a {@code type}), a progress bar on
 * stderr when it is a terminal, the database from {@code --config FILE} (mode 600) or
 * {@code SPM_DB_URL}/{@code SPM_DB_USER}/{@code SPM_DB_PASSWORD} (or the distribution's
 * {@code etc/org.smartproperty.db.cfg}); never a password on the command line.
 */
public class Common {

    public static final int JSON_VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Liquibase logs through java.util.logging; an operator's terminal wants warnings only. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    @Option(names = "--output", description = "table (default) or json", defaultValue = "table")
    String output;

    @Option(names = "--config", description = "Database settings file (url, user, password; mode 600), e.g. etc/org.smartproperty.db.cfg")
    Path config;

    @Option(names = "--no-progress", description = "No progress bar on stderr")
    boolean noProgress;

    final Locale locale = OpsMessages.fromEnvironment();

    boolean json() {
        if (!"json".equals(output) && !"table".equals(output)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--output must be table or json");
        }
        return "json".equals(output);
    }

    /**
     * The installation: {@code -Dspm.home} (bin/spm sets it from its own location), else the folder
     * above {@code lib/spm-cli.jar} when the jar runs from a distribution ({@code java -jar
     * /opt/spm/lib/spm-cli.jar}); null otherwise (tests, a jar elsewhere). Never the working directory.
     */
    static Path home() {
        String h = System.getProperty("spm.home");
        if (h != null && !h.isBlank()) {
            return Path.of(h).toAbsolutePath().normalize();
        }
        return JAR_HOME;
    }

    private static final Path JAR_HOME = jarHome();

    private static Path jarHome() {
        try {
            java.security.CodeSource cs = Common.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null || !"file".equals(cs.getLocation().getProtocol())) {
                return null;
            }
            Path jar = Path.of(cs.getLocation().toURI());
            Path lib = jar.getParent();
            if (!Files.isRegularFile(jar) || lib == null || !"lib".equals(String.valueOf(lib.getFileName())) || lib.getParent() == null) {
                return null;
            }
            Path home = lib.getParent();
            return Files.isDirectory(home.resolve("system")) ? home.toAbsolutePath().normalize() : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The readiness request with the node's probe token when this installation's platform wrote one
     * ({@code data/security/health-token}, owner-only; {@code $KARAF_DATA} when set): with it the
     * platform shows the checks' summaries and details, which anonymous callers do not see (issue 20).
     */
    static java.net.http.HttpRequest.Builder readiness(String base) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/health/ready"));
        String data = System.getenv("KARAF_DATA");
        Path dir = data != null && !data.isBlank() ? Path.of(data) : home() == null ? null : home().resolve("data");
        if (dir != null) {
            try {
                String token = java.nio.file.Files.readString(dir.resolve("security").resolve("health-token")).trim();
                if (!token.isEmpty()) {
                    b.header("X-SPM-Health-Token", token);
                }
            } catch (java.io.IOException | SecurityException e) {
                // not on the node, or not its user: statuses only
            }
        }
        return b;
    }

    /** Database connection settings. */
    record Db(String url, String user, String password) {
        SimpleDataSource dataSource() {
            return new SimpleDataSource(url, user, password);
        }
    }

    /** The platform's database: --config FILE, else SPM_DB_*, else the installation's etc/org.smartproperty.db.cfg. */
    Db db() {
        Properties p = new Properties();
        if (config != null) {
            p = readConfig(config, true);
        }
        String url = pick(p, "url", "SPM_DB_URL", config != null);
        String user = pick(p, "user", "SPM_DB_USER", config != null);
        String password = pick(p, "password", "SPM_DB_PASSWORD", config != null);
        if (url == null && home() != null && Files.exists(home().resolve("etc/org.smartproperty.db.cfg"))) {
            Properties d = readConfig(home().resolve("etc/org.smartproperty.db.cfg"), false);
            url = d.getProperty("url");
            user = user != null ? user : d.getProperty("user");
            password = password != null ? password : d.getProperty("password");
        }
        if (url == null || url.isBlank()) {
            throw new Failure(Spm.USAGE, new OpsException("cli.noDatabase"));
        }
        return new Db(resolve(url.trim()), user == null ? "" : user.trim(), password);
    }

    private static String pick(Properties p, String key, String env, boolean configFirst) {
        String fromFile = p.getProperty(key);
        String fromEnv = System.getenv(env);
        if (configFirst && fromFile != null && !fromFile.isBlank()) {
            return fromFile;
        }
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fromFile;
    }

    /** {@code ${karaf.data}} / {@code ${karaf.home}} as in the platform's configuration. */
    static String resolve(String url) {
        Path home = home() == null ? Path.of(".") : home();
        return url.replace("${karaf.data}", home.resolve("data").toString()).replace("${karaf.home}", home.toString())
                .replace("${karaf.base}", home.toString());
    }

    /** Reads a settings file; {@code strict}: refused unless only its owner may read it, otherwise refused only when it holds a password and others may read it. */
    static Properties readConfig(Path file, boolean strict) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new Failure(Spm.USAGE, new OpsException(e, "cli.configUnreadable", file));
        }
        boolean hasPassword = p.getProperty("password") != null && !p.getProperty("password").isBlank();
        if ((strict || hasPassword) && readableByOthers(file)) {
            throw new Failure(Spm.USAGE, new OpsException("cli.configMode", file));
        }
        return p;
    }

    static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                    || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    /**
     * The platform bundles' changelogs: the bundle jars under {@code --changelogs DIR}, else under the
     * installation's {@code system/} and {@code deploy/} (found from bin/spm's location, wherever it
     * is started from), plus those on our own class path.
     */
    static org.smartproperty.ops.LiquibaseSchemas changelogs(Path dir) {
        java.util.List<Path> dirs = dir != null ? java.util.List.of(dir.toAbsolutePath())
                : home() == null ? java.util.List.of() : java.util.List.of(home().resolve("system"), home().resolve("deploy"));
        try {
            return org.smartproperty.ops.LiquibaseSchemas.under(dirs, Common.class.getClassLoader());
        } catch (OpsException e) {
            throw new Failure(Spm.UNKNOWN, e);
        }
    }

    /** A failure with its exit code. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;
        final OpsException error;

        Failure(int code, OpsException error) {
            super(error.getMessage(), error);
            this.code = code;
            this.error = error;
        }
    }

    /** A progress bar on stderr, only when stderr is a terminal (and not --no-progress). */
    Progress progress(PrintWriter err) {
        if (noProgress || System.console() == null) {
            return Progress.NONE;
        }
        return new Progress() {
            long last;

            @Override
            public void update(String phase, long done, long total) {
                long now = System.currentTimeMillis();
                if (now - last < 200 && done < total) {
                    return;
                }
                last = now;
                int width = 30;
                int pct = total > 0 ? (int) Math.min(100, done * 100 / total) : 0;
                int fill = width * pct / 100;
                String label = phase.length() > 32 ? phase.substring(0, 32) : phase;
                err.printf("\r[%s%s] %3d%% %-32s", "#".repeat(fill), " ".repeat(width - fill), pct, label);
                err.flush();
            }
        };
    }

    void endProgress(PrintWriter err) {
        if (!noProgress && System.console() != null) {
            err.print("\r" + " ".repeat(72) + "\r");
            err.flush();
        }
    }

    /** The JSON envelope. */
    ObjectNode envelope(String command, int code) {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", JSON_VERSION);
        n.put("command", command);
        n.put("status", switch (code) {
            case Spm.OK -> "OK";
            case Spm.WARNING -> "WARNING";
            case Spm.CRITICAL -> "CRITICAL";
            default -> "UNKNOWN";
        });
        n.put("exitCode", code);
        n.putArray("records");
        return n;
    }

    static ObjectNode record(ObjectNode envelope, String type) {
        ObjectNode r = ((ArrayNode) envelope.get("records")).addObject();
        r.put("type", type);
        return r;
    }

    /** Prints an error (localized) and answers its exit code; in JSON mode as an envelope with one {@code error} record. */
    int fail(CommandLine.Model.CommandSpec spec, String command, int code, OpsException e) {
        if (json()) {
            ObjectNode env = envelope(command, code);
            ObjectNode r = record(env, "error");
            r.put("key", e.key());
            e.args().forEach(r.putArray("args")::add);
            r.put("message", e.message(locale));
            spec.commandLine().getOut().println(env.toString());
            spec.commandLine().getOut().flush();
        }
        spec.commandLine().getErr().println(e.message(locale));
        spec.commandLine().getErr().flush();
        return code;
    }
}
