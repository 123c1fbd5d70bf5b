package org.smartproperty.estate;

import java.math.BigDecimal;

/**
 * An owner of a house.
 *
 * @param share ownership share in percent (0 < share ≤ 100); null for sole ownership
 */
public record OwnerInput(String name, IdType idType, String idNumber, String phone, BigDecimal share) {
}
