package org.smartproperty.credit;

import java.time.LocalDate;
import java.util.List;

/** Score and grade of a company as of a date, the records in force then and the full history of score changes (newest first). */
public record CreditDetail(long companyId, String companyName, LocalDate asOf, int score, String grade, boolean blacklisted,
                           int baseScore, int goodPoints, int badPoints, boolean veto, List<CreditRecord> records,
                           List<ScoreChange> history) {
}
