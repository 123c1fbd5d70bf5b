package org.smartproperty.developer;

import java.util.List;

/**
 * What the regulator writes about a developer (create and full update, DEV-1).
 *
 * @param creditCode unified social credit code, 18 characters, GB 32100 check characters; unique in the registry
 * @param estateIds  the estates the developer built; null leaves the links as they are (on create: none besides
 *                   those matched by name), a list replaces them. An estate is linked to one developer at most.
 */
public record DeveloperInput(String name, String creditCode, String legalRepresentative, String contact, String phone,
                             String address, List<Long> estateIds) {
}
