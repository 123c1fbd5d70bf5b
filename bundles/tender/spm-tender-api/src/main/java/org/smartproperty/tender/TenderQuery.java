package org.smartproperty.tender;

/** Filters of GET /tenders. */
public record TenderQuery(TenderStage stage, Long estateId, String q) {
}
