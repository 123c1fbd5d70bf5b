package org.smartproperty.assessment;

import java.math.BigDecimal;
import java.util.List;

/** Body of POST …/reports/{companyId}/accept: the points of every self-reported indicator (0..its weight) and an optional reason. */
public record Acceptance(List<Points> points, String reason) {

    public record Points(Long indicatorId, BigDecimal points, String note) {
    }
}
