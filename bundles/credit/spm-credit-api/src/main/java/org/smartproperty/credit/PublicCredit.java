package org.smartproperty.credit;

import java.time.LocalDate;
import java.util.List;

/** DIS-1: a company's grade and its records in force, without personal data (no issuer, no evidence, no reasons). */
public record PublicCredit(long companyId, String companyName, String grade, int score, boolean blacklisted, int goodRecords,
                           int badRecords, List<Entry> records) {

    public record Entry(RecordKind kind, RecordSource source, int points, boolean veto, LocalDate occurredOn, LocalDate validUntil) {
    }
}
