package org.smartproperty.expert;

/** What a client sends to create a expert (the JSON body of POST /api/v1/experts). */
public record ExpertInput(String title) {
}
