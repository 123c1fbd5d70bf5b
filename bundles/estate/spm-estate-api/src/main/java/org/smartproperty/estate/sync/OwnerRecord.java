package org.smartproperty.estate.sync;

import java.math.BigDecimal;

/**
 * An owner of a house, identified by document (rule ID-1).
 *
 * @param idType an {@link org.smartproperty.estate.IdType} name
 * @param share  percent, null for sole ownership
 */
public record OwnerRecord(String idType, String idNumber, String name, String phone, BigDecimal share) {
}
