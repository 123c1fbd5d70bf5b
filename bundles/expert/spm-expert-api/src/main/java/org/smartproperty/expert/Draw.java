package org.smartproperty.expert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An expert draw (SUP-EX-3, TND-5; method {@link #METHOD}, docs/architecture.md "Expert draw (SUP-EX-3)"): its rules, the
 * recorded seed, the seats in order (drawn, then representatives) and the reserves in draw order.
 *
 * @param eligible   how many experts the snapshot held after the exclusions
 * @param complete   every seat confirmed
 * @param openSeats  drawn seats left without anyone (reserves and the draw order exhausted)
 */
public record Draw(long id, long version, long projectId, String projectNumber, String projectTitle, String method, String seed,
                   int panelSize, int drawnCount, int reserveCount, String specialty, int confirmHours, LocalDate evaluationDate,
                   int formerEmployerYears, int eligible, boolean complete, int openSeats, boolean published, List<DrawSeat> seats,
                   List<DrawSeat> reserves, String createdBy, Instant createdAt) {

    /** The draw's method: SHA-256 order of the seed and the expert ids over the recorded snapshot. */
    public static final String METHOD = "SPM-EX3-SHA256-1";
}
