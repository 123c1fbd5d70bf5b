package org.smartproperty.estate.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.estate.sync.RealEstateSync;
import org.smartproperty.estate.sync.SyncRun;

/** {@code spm:sync}: runs the real-estate system sync (INT-RE) now and prints the run; {@code --list} shows the latest runs. */
@Command(scope = "spm", name = "sync", description = "Sync the estates with the real-estate information system now (INT-RE)")
@Service
public class SyncCommand implements Action {

    @Reference
    RealEstateSync sync;

    @Option(name = "--list", aliases = "-l", description = "only list the latest runs")
    boolean list;

    @Override
    public Object execute() {
        StringBuilder out = new StringBuilder();
        if (list) {
            for (SyncRun r : sync.runs(10)) {
                out.append(line(r)).append('\n');
            }
            return out.toString();
        }
        SyncRun r = sync.run("karaf-shell");
        out.append(line(r));
        if (r.errors() != null) {
            out.append('\n').append(r.errors());
        }
        return out.toString();
    }

    static String line(SyncRun r) {
        return "run " + r.id() + " " + r.status() + " started " + r.startedAt() + " finished " + r.finishedAt() + ": read " + r.read()
                + ", created " + r.created() + ", updated " + r.updated() + ", skipped " + r.skipped();
    }
}
