/**
 * The vote domain's API: {@link org.smartproperty.vote.VoteService} and its DTO. The only exported package of the
 * domain; bump the version with every change (api-baseline checks it).
 */
@Export
@Version("1.0.0")
package org.smartproperty.vote;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
