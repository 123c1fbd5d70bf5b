package org.smartproperty.platform.rest.internal;

import java.util.Locale;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.rest.Api;

/** Chooses the response language from Accept-Language (zh-CN default) and echoes it in Content-Language. */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName("spm.context")
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestContextFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        Locale locale = Messages.negotiate(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        RequestContext.set(locale, request.getUriInfo().getRequestUri().getRawPath());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, RequestContext.locale().toLanguageTag());
        response.getHeaders().putSingle("Vary", "Accept-Language");
        RequestContext.clear();
    }
}
