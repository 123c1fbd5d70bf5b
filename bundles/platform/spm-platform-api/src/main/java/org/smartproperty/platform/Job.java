package org.smartproperty.platform;

import java.util.Objects;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: a periodic job run by the platform's {@link JobRunner} (issue 10 item 3). A
 * domain registers one per piece of periodic work instead of a scheduler of its own; the runner
 * schedules every job on one small pool, runs a job at most once at a time per cluster (a
 * PostgreSQL advisory lock keyed by the name, a row lock on H2) when {@link #clusterLock()}, and
 * records each run (start, end, outcome, duration, error, next run) in {@code plt_job}, shown by
 * {@code spm jobs list}, {@code spm:jobs-list} and the health check {@code jobs}.
 *
 * <p>The work stays idempotent by its own records (a reminder row, a flag set only where still
 * empty): the lock prevents two concurrent runs, not a run repeated after a crash.
 */
@ConsumerType
public interface Job {

    /** Stable, unique name ({@code [a-z0-9.-]}, at most 100 characters), e.g. {@code committee.term-reminders}. */
    String name();

    /**
     * When to run. Asked again after every run, so a configuration change ({@code @Modified}) applies
     * from the next run; {@link JobSchedule#disabled()} keeps the job registered but never due.
     */
    JobSchedule schedule();

    /**
     * Whether one node of the cluster at a time runs this job ({@code true}, the default). Work that
     * belongs to each node (its own metrics, its own send threads with a claim lock of their own)
     * answers {@code false}.
     */
    default boolean clusterLock() {
        return true;
    }

    /**
     * Does the work once. Runs on a runner thread that is never interrupted. Throwing records the
     * run as FAILED with the exception's text; the next run is scheduled all the same.
     *
     * @return a one-line summary of what was done for the job list (may be {@code null})
     */
    String run(JobContext context) throws Exception;

    /** The work of a job built by {@link #of} or {@link #perNode}. */
    @FunctionalInterface
    interface Work {
        String run(JobContext context) throws Exception;
    }

    /**
     * A cluster-locked job from its parts, for a component that registers it itself
     * ({@code BundleContext.registerService(Job.class, Job.of(...), null)} in its activate); the
     * schedule supplier is asked after every run, so it may read the component's current settings.
     */
    static Job of(String name, Supplier<JobSchedule> schedule, Work work) {
        return simple(name, schedule, work, true);
    }

    /** Like {@link #of}, but every node runs it (no cluster lock): work that belongs to the node. */
    static Job perNode(String name, Supplier<JobSchedule> schedule, Work work) {
        return simple(name, schedule, work, false);
    }

    private static Job simple(String name, Supplier<JobSchedule> schedule, Work work, boolean lock) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(work, "work");
        return new Job() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public JobSchedule schedule() {
                return schedule.get();
            }

            @Override
            public boolean clusterLock() {
                return lock;
            }

            @Override
            public String run(JobContext context) throws Exception {
                return work.run(context);
            }

            @Override
            public String toString() {
                return "Job " + name;
            }
        };
    }
}
