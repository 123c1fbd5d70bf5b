package org.smartproperty.platform.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;

/** {@code GET /api/v1/openapi.json}: generated from the resources registered in the /api/v1 application. */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @GET
    @PublicAccess
    @Doc(summary = "This OpenAPI 3 document")
    public Map<String, Object> document() {
        return new OpenApiGenerator().document(resourceClasses(context), context.getBundle().getVersion().toString());
    }

    /** Classes of the resources registered in the spm application right now. */
    static List<Class<?>> resourceClasses(BundleContext context) {
        List<Class<?>> out = new ArrayList<>();
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null,
                    "(&(osgi.jaxrs.resource=true)(osgi.jaxrs.application.select=" + escape(Api.APPLICATION_SELECT) + "))");
            if (refs == null) {
                return out;
            }
            for (ServiceReference<?> ref : refs) {
                String[] classes = (String[]) ref.getProperty("objectClass");
                try {
                    out.add(ref.getBundle().loadClass(classes[0]));
                } catch (ClassNotFoundException | IllegalStateException ignored) {
                    // bundle going away
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static String escape(String filter) {
        return filter.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
