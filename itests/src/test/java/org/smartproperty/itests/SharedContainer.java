package org.smartproperty.itests;

import java.util.List;

import org.ops4j.pax.exam.TestAddress;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.spi.StagedExamReactor;
import org.ops4j.pax.exam.spi.StagedExamReactorFactory;
import org.ops4j.pax.exam.spi.reactors.SingletonStagedReactor;

/**
 * Reactor strategy of the suites that share one Karaf container (issue 10 item 7): every class
 * annotated {@code @ExamReactorStrategy(SharedContainer.class)} whose {@code @Configuration} is
 * {@link SpmTestSupport#sharedContainer()} runs in the container the first of them starts; the
 * container stops after the last of them. A new domain suite joins it and adds no boot.
 *
 * <p>Why not Pax Exam's {@code PerSuite}: it starts its container in {@code beforeSuite}, which
 * Pax Exam's ReactorManager calls only for the first class of the whole JVM, and stops it in
 * {@code afterSuite}, called on the reactor of the JVM's last class. With {@code PerClass}
 * suites in the same run (EmbeddedDefaultIT needs a container of its own), a PerClass class
 * running first means the shared container is never started, and one running last means it is
 * never stopped. This strategy starts on the first {@code beforeClass} of a sharing class and
 * stops on the {@code afterClass} of the last one, whatever else runs in the JVM. It still uses
 * Pax Exam's {@link SingletonStagedReactor} (the containers of the first sharing class, one
 * probe with the tests of every class: the JUnit runners of all classes are built before any
 * class runs).
 */
public class SharedContainer implements StagedExamReactorFactory {

    /** Sharing classes whose runner was built in this JVM and which have not finished yet. */
    private static int pending;
    private static boolean started;
    private static boolean stopped;
    private static StagedExamReactor running;

    /** Stops the shared container once: after the last sharing class, or when the test JVM exits. */
    private static void stop() {
        StagedExamReactor r;
        synchronized (SharedContainer.class) {
            if (!started || stopped) {
                return;
            }
            stopped = true;
            r = running;
        }
        try {
            r.afterSuite(); // stops the container
        } finally {
            endForkedKarafs();
        }
    }

    /**
     * Pax Exam's stop did not always end the forked Karaf: clean-clone runs left the shared container
     * running (parent 1, holding 28 PostgreSQL connections and a CPU) after the suite had passed. When the
     * shared container stops, no other container of this JVM is running (the classes run one after the
     * other), so every Karaf this JVM forked and that is still alive gets 30 s to end, then is killed.
     */
    static void endForkedKarafs() {
        endForkedKarafs(false);
    }

    /**
     * @param exiting the test JVM is exiting: ask each Karaf to stop at once (SIGTERM, Karaf's own shutdown hook
     *                stops the framework) and kill what is left after 15 s, within surefire's 30 s exit timeout
     */
    static void endForkedKarafs(boolean exiting) {
        java.util.List<ProcessHandle> karafs = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("org.apache.karaf.main.Main")).toList();
        if (exiting) {
            karafs.forEach(ProcessHandle::destroy);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(exiting ? 15 : 30);
        for (ProcessHandle p : karafs) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (p.isAlive()) {
                System.err.println("SharedContainer: the forked Karaf " + p.pid() + " outlived its stop; killing it");
                p.destroyForcibly();
            }
        }
    }

    @Override
    public StagedExamReactor create(List<TestContainer> containers, List<TestProbeBuilder> probes) {
        synchronized (SharedContainer.class) {
            pending++;
        }
        return new Reactor(SingletonStagedReactor.getInstance(containers, probes));
    }

    private static final class Reactor implements StagedExamReactor {

        private final StagedExamReactor shared;

        Reactor(StagedExamReactor shared) {
            this.shared = shared;
        }

        @Override
        public java.util.Set<TestAddress> getTargets() {
            return shared.getTargets();
        }

        @Override
        public void invoke(TestAddress address) throws Exception {
            shared.invoke(address);
        }

        @Override
        public void beforeSuite() {
        }

        @Override
        public void afterSuite() {
        }

        @Override
        public void beforeClass() {
            synchronized (SharedContainer.class) {
                if (!started) {
                    started = true;
                    running = shared;
                    // a forked Karaf outlived the test JVM once (left listening after the suite); whatever the
                    // count of classes says, the container does not survive the JVM that started it
                    // (not through Pax Exam's stop: it can block past surefire's exit timeout, after which the
                    // JVM is halted and the container orphaned; a clean-clone run of c569b89 showed it)
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> endForkedKarafs(true), "shared-container-stop"));
                    shared.beforeSuite(); // starts the container and installs the probe
                }
            }
        }

        @Override
        public void afterClass() {
            boolean last;
            synchronized (SharedContainer.class) {
                last = --pending == 0;
            }
            if (last) {
                stop();
            }
        }
    }
}
