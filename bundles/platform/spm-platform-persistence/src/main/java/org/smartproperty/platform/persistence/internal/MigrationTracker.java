package org.smartproperty.platform.persistence.internal;

import java.util.List;

/** Internal view of the extender's work, read by the migrations health check. */
public interface MigrationTracker {

    List<MigrationState> states();
}
