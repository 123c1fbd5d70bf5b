/**
 * What domain resources use to join the {@code /api/v1} application: the whiteboard filter
 * constants of {@link org.smartproperty.platform.rest.Api} and the HTTP helpers for versions
 * (ETag / If-Match), ids and created responses.
 */
@Export
@Version("2.0.0")
package org.smartproperty.platform.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
