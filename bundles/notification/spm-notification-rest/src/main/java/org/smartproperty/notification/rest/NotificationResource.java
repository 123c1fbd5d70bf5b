package org.smartproperty.notification.rest;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.notification.Notification;
import org.smartproperty.notification.Notifications;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.ApiException;

/** {@code /api/v1/notifications}: the caller's own in-app notifications (SLA-3). */
@Component(service = NotificationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    private Notifications service() {
        return ApiException.requireAvailable(notifications, "notification");
    }

    @GET
    @RequiresPermission("notification:read")
    @Doc(summary = "The caller's in-app notifications, newest first (?unread=true, ?page, ?size); texts in the caller's language",
            requirements = "SLA-3, INT-SMS")
    public Page<Notification> list(@QueryParam("unread") String unread, @QueryParam("page") String page, @QueryParam("size") String size,
                                   @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, @Context SecurityContext sc) {
        PageRequest p = PageRequest.parse(page, size, null, Set.of());
        Locale locale = Messages.negotiate(language);
        return service().list(Caller.of(sc).accountId(), "true".equalsIgnoreCase(unread), p, locale);
    }

    @POST
    @Path("{id}/read")
    @RequiresPermission("notification:read")
    @Doc(summary = "Mark one of the caller's notifications read (404 when it is not the caller's)", requirements = "SLA-3")
    public Map<String, Object> markRead(@PathParam("id") String id, @Context SecurityContext sc) {
        long nid = Api.id(id, "notification");
        service().markRead(Caller.of(sc).accountId(), nid);
        return Map.of("id", nid, "read", true);
    }

    @POST
    @Path("read")
    @RequiresPermission("notification:read")
    @Doc(summary = "Mark all of the caller's notifications read; answers how many changed", requirements = "SLA-3")
    public Map<String, Object> markAllRead(@Context SecurityContext sc) {
        return Map.of("changed", service().markAllRead(Caller.of(sc).accountId()));
    }
}
