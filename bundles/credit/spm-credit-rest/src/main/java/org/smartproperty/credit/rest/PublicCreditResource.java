package org.smartproperty.credit.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.credit.CreditService;
import org.smartproperty.credit.PublicCredit;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;

/** {@code /api/v1/public/credit}: every rated company's grade, blacklist flag and record summaries (DIS-1), no login. */
@Component(service = PublicCreditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("public/credit")
@Produces(MediaType.APPLICATION_JSON)
public class PublicCreditResource extends CreditServiceClient {

    @GET
    @PublicAccess
    @Doc(summary = "Company credit grades and the records in force, blacklisted companies flagged; no personal data",
            requirements = "DIS-1, CRD-5",
            description = "Only rated companies. Each record: kind, source, points, veto, dates (no issuer, reasons or evidence). "
                    + "q = name part. sort: score, grade, companyName, updatedAt, companyId.")
    public Page<PublicCredit> list(@QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size,
                                   @QueryParam("sort") String sort) {
        return service().publicCredit(q, PageRequest.parse(page, size, sort, CreditService.SORT));
    }
}
