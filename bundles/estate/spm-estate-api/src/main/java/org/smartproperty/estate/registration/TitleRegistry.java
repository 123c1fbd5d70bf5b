package org.smartproperty.estate.registration;

import org.osgi.annotation.versioning.ConsumerType;
import org.smartproperty.estate.IdType;

/**
 * INT-REG: the real-estate registration system as the authority on title. Implemented by an
 * adapter (REST/JSON); the estate service asks it when an owner verifies a house (OWN-2).
 */
@ConsumerType
public interface TitleRegistry {

    /**
     * Whether the person identified by document (rule ID-1) and name holds title to the unit.
     *
     * @param unitCode the 28-character unit code (不动产单元号), normalized
     * @param type     the identity document type
     * @param idNumber the document number, normalized ({@link org.smartproperty.estate.IdDocuments#normalize})
     * @param name     the name as registered with us (the registry may compare it)
     * @return the registry's answer; {@link TitleAnswer#held()} false when the person holds no title to the unit
     * @throws RegistryUnavailableException when the registry cannot be reached, times out, fails or answers nonsense
     */
    TitleAnswer lookup(String unitCode, IdType type, String idNumber, String name) throws RegistryUnavailableException;
}
