package org.smartproperty.company.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.PublicCompany;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;

/** {@code /api/v1/public/companies}: registered property companies for public disclosure (DIS-2), no login. */
@Component(service = PublicCompanyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("public/companies")
@Produces(MediaType.APPLICATION_JSON)
public class PublicCompanyResource extends CompanyServiceClient {

    @GET
    @PublicAccess
    @Doc(summary = "Registered property companies (not those still applying), legal representative and phone masked",
            requirements = "DIS-2, ID-2", description = "sort: id, name, creditCode, status, createdAt, updatedAt.")
    public Page<PublicCompany> list(@QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        return companies().publicList(PageRequest.parse(page, size, sort, CompanyService.SORT));
    }
}
