package org.smartproperty.estate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.smartproperty.estate.EstateMessages;
import org.smartproperty.estate.sync.RealEstateSync;
import org.smartproperty.estate.sync.SyncRun;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobContext;
import org.smartproperty.platform.JobSchedule;

/** INT-RE: the sync runs on a schedule, and a refused run (409 while another runs) does not stop the schedule. */
class RealEstateSyncSchedulerTest {

    @Test
    void runsRepeatedlyAndARefusedRunDoesNotStopTheSchedule_INT_RE() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        RealEstateSync fake = new RealEstateSync() {
            @Override
            public SyncRun run(String actor) {
                three.countDown();
                if (calls.incrementAndGet() == 1) {
                    throw ApiException.conflict(EstateMessages.TEXTS, "sync.running");
                }
                return new SyncRun(calls.get(), SyncRun.SUCCEEDED, Instant.now(), Instant.now(), null, null, 0, 0, 0, 0, null, actor);
            }

            @Override
            public SyncRun start(String actor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<SyncRun> runs(int limit) {
                return List.of();
            }
        };
        // issue 10 item 3: the schedule is the platform runner's (a thrown run is FAILED and the next run still happens,
        // JobEngineContract); here: a refused run returns normally, so the runner records it OK and goes on
        RealEstateSyncScheduler s = new RealEstateSyncScheduler(fake, Duration.ofMinutes(20));
        Job job = s.job();
        assertEquals(JobSchedule.every(Duration.ofMinutes(20)), job.schedule());
        JobContext ctx = new JobContext(job.name(), null, Clock.systemUTC(), Instant.now(), false);
        assertEquals("not run: 409 sync.running", job.run(ctx));
        job.run(ctx);
        job.run(ctx);
        assertTrue(three.await(5, TimeUnit.SECONDS), "three scheduled runs, the first one refused");
    }
}
