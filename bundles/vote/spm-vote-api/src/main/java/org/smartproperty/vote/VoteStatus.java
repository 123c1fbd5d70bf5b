package org.smartproperty.vote;

/**
 * DRAFT → NOTICED (notice published, VOTE-8) → OPEN (electorate frozen, VOTE-1/5) → CLOSED (deadline passed, tally stored)
 * → PUBLISHED (DIS-4). CANCELLED from DRAFT/NOTICED; SUSPENDED (regulator, SVC-VOTE-2) from NOTICED/OPEN/CLOSED and back.
 */
public enum VoteStatus {
    DRAFT, NOTICED, OPEN, CLOSED, PUBLISHED, SUSPENDED, CANCELLED
}
