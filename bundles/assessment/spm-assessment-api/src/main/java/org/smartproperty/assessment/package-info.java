/**
 * The assessment domain's API (the 100-point assessment, 物业考核; SUP-AS-1..3, COS-8, DIS-6):
 * {@link org.smartproperty.assessment.AssessmentService} for the console and portal, and the whiteboard
 * {@link org.smartproperty.assessment.AssessmentMetric} through which other domains provide the computed indicators
 * (inspection pass rate, complaint rate, …) from their own data. The only exported package of the domain; bump the version
 * with every change (api-baseline checks it).
 */
@Export
@Version("1.0.0")
package org.smartproperty.assessment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
