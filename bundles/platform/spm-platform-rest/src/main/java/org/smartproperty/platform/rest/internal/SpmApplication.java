package org.smartproperty.platform.rest.internal;

import java.util.Set;
import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.smartproperty.platform.rest.Api;

/** The {@code /api/v1} JAX-RS application; resources and extensions join it through the whiteboard. */
@Component(service = Application.class)
@JaxrsApplicationBase(Api.APPLICATION_BASE)
@JaxrsName(Api.APPLICATION_NAME)
public class SpmApplication extends Application {

    @Override
    public Set<Object> getSingletons() {
        return Set.of();
    }
}
