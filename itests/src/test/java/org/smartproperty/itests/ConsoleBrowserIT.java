package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;

/**
 * Issue 13: the browser console at /console/ in a real Chromium (Debian's /usr/bin/chromium driven by playwright-core,
 * never a downloaded browser) against the shared container: the security headers, the regulator's login, menu and the
 * estates table paged from the API, the language switch (labels and Accept-Language), and the owner who sees no
 * accounts menu. The checks are in {@code src/test/browser/run.mjs} (node; its packages installed by this
 * module's {@code npm ci}); screenshots go to {@code target/screenshots/}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class ConsoleBrowserIT extends SpmTestSupport {

    static final String CHROMIUM = System.getProperty("spm.it.chromium", "/usr/bin/chromium");

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
    }

    @Test
    public void theConsoleLogsInShowsTheMenuOfThePermissionsPagesEstatesAndSpeaksEnglish_issue13() throws Exception {
        runSuite("10-console-shell");
    }

    /**
     * Runs one suite of {@code src/test/browser/suites/} with {@code node run.mjs} against this container and fails with
     * its output unless every check passed. The output is kept in {@code target/screenshots/<suite>.log}.
     */
    static void runSuite(String suite) throws Exception {
        assertTrue("Chromium is missing: the browser tests need Debian's chromium at " + CHROMIUM
                + " (apt-get install -y chromium; .ci/run installs it), or -Dspm.it.chromium=<path>",
                new File(CHROMIUM).canExecute());
        File itests = new File(System.getProperty("spm.it.itests.dir"));
        File browser = new File(itests, "src/test/browser");
        assertTrue("playwright-core is not installed in " + browser + " (the itests build runs npm ci there)",
                new File(browser, "node_modules/playwright-core").isDirectory());
        File shots = new File(itests, "target/screenshots");
        Files.createDirectories(shots.toPath());
        File log = new File(shots, suite + ".log");
        String root = base().substring(0, base().indexOf("/api/v1"));
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "run.mjs", root, shots.getAbsolutePath(), suite))
                .directory(browser).redirectErrorStream(true).redirectOutput(log);
        builder.environment().put("SPM_CHROMIUM", CHROMIUM);
        Process node = builder.start();
        node.getOutputStream().close();
        boolean finished = node.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertTrue("the browser suite " + suite + " did not finish in 300 s:\n" + output, finished);
        assertEquals("the browser suite " + suite + " failed:\n" + output, 0, node.exitValue());
        assertTrue(output, output.contains("all checks passed"));
    }
}
