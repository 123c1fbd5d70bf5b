package org.smartproperty.estate.sync;

import org.osgi.annotation.versioning.ConsumerType;
import java.time.Instant;

/**
 * INT-RE: the real-estate information system as a source of changes. Implemented by an adapter
 * (HTTP/JSON); the sync engine pages through it.
 */
@ConsumerType
public interface RealEstateSource {

    /**
     * Records changed strictly after {@code since}, in change order, one page at a time.
     *
     * @param since  lower bound (exclusive); {@code null} = everything
     * @param cursor {@code null} for the first page, then {@link Batch#nextCursor()} of the previous page
     * @throws RealEstateSourceException when the system cannot be reached or answers nonsense as a whole
     */
    Batch changes(Instant since, String cursor);
}
