package org.smartproperty.estate;

import java.util.List;

/**
 * A natural building (自然幢) with its units / logical buildings (单元、逻辑幢).
 *
 * @param number building number as the register writes it ("1栋", "T3")
 */
public record BuildingInput(String number, String name, Integer floorsAbove, Integer floorsBelow, List<String> units) {
}
