package org.smartproperty.tender;

/** Body of POST /tenders/{id}/direct: after a FAILED tender, a direct appointment request (TND-1, TND-2). */
public record DirectInput(Long companyId, String grounds) {
}
