package org.smartproperty.platform.cluster;

import org.osgi.annotation.versioning.ProviderType;

/** A listener's subscription; {@link #close()} ends it (idempotent). */
@ProviderType
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
