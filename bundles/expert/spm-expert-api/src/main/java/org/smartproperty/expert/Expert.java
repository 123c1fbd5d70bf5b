package org.smartproperty.expert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One expert of the pool (SUP-EX-1; the JSON the REST layer serialises). {@code version} is the ETag. {@code idNumber} is
 * masked in lists; {@code rating} is the average of the regulator's ratings of its evaluations ({@code ratingCount}).
 */
public record Expert(Long id, long version, String name, String idNumber, String phone, String title, List<String> specialties,
                     Long employerCompanyId, String employerName, ExpertStatus status, String statusReason, String accountName,
                     BigDecimal rating, int ratingCount, List<Tie> ties, String createdBy, Instant createdAt, Instant updatedAt) {

    public static final int NAME_MAX = 100;
    public static final int TITLE_MAX = 100;
    public static final int EMPLOYER_MAX = 200;
}
