package org.smartproperty.vote;

import java.time.Instant;
import java.util.List;

/** Body of POST /votes and PUT /votes/{id}; {@code category} is a {@link MatterCategory} name (400 on the field otherwise). */
public record VoteInput(Long estateId, String title, String description, Instant startsAt, Instant endsAt, Boolean ballotChangeAllowed,
                        List<MatterInput> matters) {

    public record MatterInput(String title, String description, String category) {
    }
}
