package org.smartproperty.survey;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The survey domain (Satisfaction surveys). Every method takes the caller and is one transaction; invalid input throws a 400
 * {@code ApiException} with all field errors, a title already used a 409. Every write is audited in the same
 * transaction (object kind {@code survey}).
 */
@ProviderType
public interface SurveyService {

    /** Properties the list can be sorted by. */
    Set<String> SORT = Set.of("id", "title", "createdAt");

    Page<Survey> list(SpmPrincipal caller, PageRequest page);

    Survey create(SpmPrincipal caller, SurveyInput input);
}
