package org.smartproperty.platform.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Designates the metatype of PID {@code org.smartproperty.overload} ({@link OverloadConfig}) for the web console and
 * {@code config:} tools: {@link OverloadFilter} reads two PIDs (its own and the security PID's trusted proxies), and a
 * designation needs a component of exactly one PID (issue 19 item 5).
 */
@Component(service = OverloadMetatype.class, configurationPid = OverloadFilter.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = OverloadConfig.class)
public class OverloadMetatype {
}
