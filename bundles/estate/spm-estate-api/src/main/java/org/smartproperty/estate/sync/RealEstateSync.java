package org.smartproperty.estate.sync;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;

/**
 * INT-RE sync of the real-estate system into the estate registry: idempotent (a second run with
 * no change creates and updates nothing), incremental (from the latest change timestamp of the
 * last successful run), malformed records skipped, counted and reported, every run recorded.
 */
@ProviderType
public interface RealEstateSync {

    /** Runs a sync in the calling thread and returns the finished run. 409 while another runs, 503 without a source. */
    SyncRun run(String actor);

    /** Starts a sync in the background and returns the run as RUNNING. 409 while another runs, 503 without a source. */
    SyncRun start(String actor);

    /** The latest runs, newest first. */
    List<SyncRun> runs(int limit);
}
