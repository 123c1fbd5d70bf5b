/**
 * Zhuhai real-estate registration system (不动产业务系统, INT-REG, OWN-2): the
 * {@link org.smartproperty.estate.registration.TitleRegistry} SPI an adapter implements to answer
 * whether a person holds title to a unit (不动产单元号), with the registered exclusive area
 * (专有部分面积), share, certificate number (不动产权证号) and registration date.
 */
@Export
@Version("1.0.0")
package org.smartproperty.estate.registration;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
