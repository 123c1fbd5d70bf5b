package org.smartproperty.developer;

import java.util.List;

/**
 * The outcome of matching the estate registry's free-text {@code developer} field against a developer's name.
 *
 * @param linked          estates linked by this match (their {@code developer} text equals the name)
 * @param linkedElsewhere estates whose text equals the name but which are linked to another developer (left as they are)
 */
public record EstateMatch(Developer developer, List<Long> linked, List<Long> linkedElsewhere) {

    public EstateMatch {
        linked = List.copyOf(linked);
        linkedElsewhere = List.copyOf(linkedElsewhere);
    }
}
