package org.smartproperty.tender;

/** What a client sends to create a tendering (the JSON body of POST /api/v1/tenders). */
public record TenderInput(String title) {
}
