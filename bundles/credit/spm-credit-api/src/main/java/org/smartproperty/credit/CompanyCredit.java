package org.smartproperty.credit;

import java.time.Instant;

/** A company's current credit (list row). {@code grade} null = unrated (no verified declaration, no veto). */
public record CompanyCredit(long companyId, String companyName, int score, String grade, boolean blacklisted, int baseScore,
                            int goodPoints, int badPoints, boolean veto, Instant updatedAt) {
}
