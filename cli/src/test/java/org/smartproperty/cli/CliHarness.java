package org.smartproperty.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartproperty.platform.testsupport.TestDatabase;

/** Runs the real {@code spm} commands in-process, and writes the database settings file they read. */
final class CliHarness {

    private CliHarness() {
    }

    /** Output and exit code of one command. */
    record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    /** A message pattern's placeholder left in a text: a message printed without its arguments (issue 11 item 1). */
    static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{\\d+}");

    /** Runs one command; fails the test when anything it printed still holds a {@code {0}}-style placeholder. */
    static Result spm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Spm.run(new PrintWriter(out), new PrintWriter(err), args);
        Result r = new Result(code, out.toString(), err.toString());
        assertNoPlaceholder(String.join(" ", args), r.out());
        assertNoPlaceholder(String.join(" ", args), r.err());
        return r;
    }

    static void assertNoPlaceholder(String command, String text) {
        java.util.regex.Matcher m = PLACEHOLDER.matcher(text);
        if (m.find()) {
            throw new AssertionError("spm " + command + " printed a message without its arguments (" + m.group() + "): " + text);
        }
    }

    /** The JDBC URL of the test class's schema. */
    static String schemaUrl(TestDatabase db) {
        String url = TestDatabase.serverUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + db.schema();
    }

    /** A settings file (url, user, password) for the test class's schema, mode 600 as the tool demands. */
    static Path dbConfig(Path file, TestDatabase db) throws Exception {
        Files.writeString(file, "url = " + schemaUrl(db) + "\nuser = " + TestDatabase.serverUser() + "\npassword = " + TestDatabase.serverPassword() + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
