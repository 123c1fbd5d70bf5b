package org.smartproperty.survey.internal;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;

/**
 * The job {@code survey.close-due} (hourly, cluster lock by the platform's JobRunner): OPEN surveys whose period ended
 * before today are closed as by hand (eligible owners counted). Idempotent: a CLOSED survey is never touched again.
 */
@Component(immediate = true, service = {})
public class SurveyJobs {

    @Reference
    private SurveyInternals surveys;

    private ServiceRegistration<Job> job;

    @Activate
    void activate(BundleContext context) {
        job = context.registerService(Job.class, Job.of("survey.close-due", () -> JobSchedule.every(Duration.ofHours(1), Duration.ofMinutes(2)),
                c -> surveys.closeDue() + " survey(s) closed at the end of their period"), null);
    }

    @Deactivate
    void deactivate() {
        try {
            job.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
    }
}
