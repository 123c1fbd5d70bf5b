package org.smartproperty.expert;

/** Status of an expert in the pool (SUP-EX-1). REMOVED is final. */
public enum ExpertStatus {
    /** Applied; admission under review. */
    APPLYING,
    /** In the pool: may be drawn. */
    ACTIVE,
    /** Temporarily out of the pool. */
    SUSPENDED,
    /** Out of the pool for good. */
    REMOVED
}
