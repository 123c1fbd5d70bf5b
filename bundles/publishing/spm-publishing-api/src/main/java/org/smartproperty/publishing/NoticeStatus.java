package org.smartproperty.publishing;

/**
 * A notice's states (PUB-2, COS-9): DRAFT → (SUBMITTED for review → RETURNED / approved) → SCHEDULED (publishAt ahead) →
 * PUBLISHED → EXPIRED (expireAt reached); WITHDRAWN by the publisher or the regulator.
 */
public enum NoticeStatus { DRAFT, SUBMITTED, RETURNED, SCHEDULED, PUBLISHED, EXPIRED, WITHDRAWN }
