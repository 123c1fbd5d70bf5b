package org.smartproperty.platform;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The platform's job runner (service of spm-platform-persistence): every {@link Job} and its last run. */
@ProviderType
public interface JobRunner {

    /** Every job known to this node or recorded in {@code plt_job}, by name. */
    List<JobStatus> jobs();

    /**
     * Runs the job now on the calling thread, through the cluster lock like a scheduled run, and
     * answers its status afterwards (outcome SKIPPED when another node held the lock or this node
     * was already running it); empty when no job of that name is registered on this node.
     */
    Optional<JobStatus> runNow(String name);
}
