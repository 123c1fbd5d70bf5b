package org.smartproperty.platform.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.smartproperty.jobs", name = "SmartProperty job runner",
        description = "One runner per node for every periodic job (issue 10 item 3); the jobs' own periods stay in their domains' PIDs.")
public @interface JobRunnerConfig {

    @AttributeDefinition(name = "Worker threads", min = "1", max = "16",
            description = "Jobs that may run at the same time on this node (each job at most once at a time).")
    int threads() default 3;

    @AttributeDefinition(name = "Run requests poll (seconds)", min = "1", max = "3600",
            description = "How often the runner reads plt_job.run_requested_at (set by `spm jobs run NAME`).")
    int requestPollSeconds() default 5;

    @AttributeDefinition(name = "Enabled", description = "false: no job runs on this node (they stay listed).")
    boolean enabled() default true;
}
