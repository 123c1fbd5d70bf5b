package org.smartproperty.publishing;

/** What a client sends to create a Publishing (the JSON body of POST /api/v1/publishings). */
public record PublishingInput(String title) {
}
