package org.smartproperty.ops.shell.internal;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.smartproperty.ops.IpChecks.Entry;
import org.smartproperty.ops.OpsMessages;

/** Shared bits of the {@code spm:ip-*} commands. */
final class IpShell {

    static final String AGENT = "karaf-shell";

    private IpShell() {
    }

    /** The audit actor: the shell user (Karaf's JAAS subject is not at hand here; the OS user of the container otherwise). */
    static String actor() {
        return "ops-shell:" + System.getProperty("user.name", "karaf");
    }

    static String table(List<Entry> list, String emptyKey) {
        Locale l = OpsMessages.fromEnvironment();
        if (list.isEmpty()) {
            return OpsMessages.format(l, emptyKey);
        }
        StringBuilder out = new StringBuilder(String.format("%-40s %-20s %-22s %s%n", "CIDR", "CREATED-BY", "CREATED-AT", "REASON"));
        for (Entry e : list) {
            out.append(String.format("%-40s %-20s %-22s %s%n", e.cidr(), e.createdBy(), e.createdAt().truncatedTo(ChronoUnit.SECONDS),
                    e.reason() == null ? "" : e.reason()));
        }
        return out.toString();
    }
}
