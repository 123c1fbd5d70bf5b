package org.smartproperty.ops;

import org.osgi.annotation.versioning.ConsumerType;

/** Progress of a long operation (rows or bytes done of a total), for the CLI's progress bar. */
@FunctionalInterface
@ConsumerType
public interface Progress {

    Progress NONE = (phase, done, total) -> { };

    /** @param total 0 when unknown */
    void update(String phase, long done, long total);
}
