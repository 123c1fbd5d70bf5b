package org.smartproperty.company.rest;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyInput;
import org.smartproperty.company.CompanyMessages;
import org.smartproperty.company.CompanyQuery;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.CompanyStatus;
import org.smartproperty.company.Filing;
import org.smartproperty.company.FilingInput;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;

/**
 * {@code /api/v1/companies}: the property company registry (SUP-CO-1) and its filing review
 * (SUP-CO-2, COS-2). A COMPANY user sees only its own company; others outside the scope get 404.
 */
@Component(service = CompanyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompanyResource extends CompanyServiceClient {

    private static final String COMPANY = "objects.company";

    @GET
    @RequiresPermission("company:read")
    @Doc(summary = "List property companies with filters, paging and sort", requirements = "SUP-CO-1",
            description = "Filters: name (part, case-insensitive), status (APPLYING, FILED, SUSPENDED, REVOKED). "
                    + "sort: id, name, creditCode, status, createdAt, updatedAt (prefix - for descending). A company user sees only itself.")
    public Page<Company> list(@QueryParam("name") String name, @QueryParam("status") String status,
                              @QueryParam("page") String page, @QueryParam("size") String size,
                              @QueryParam("sort") String sort, @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, CompanyService.SORT);
        Validation v = new Validation(CompanyMessages.TEXTS);
        CompanyStatus st = QueryParams.optionalEnum(v, "status", status, CompanyStatus.class);
        v.throwIfInvalid();
        return companies().list(Caller.scope(sc), new CompanyQuery(name, st), pr);
    }

    @POST
    @RequiresPermission("company:write")
    @Doc(summary = "Register a property company (status APPLYING); 409 when the credit code is taken", requirements = "SUP-CO-1",
            description = "The unified social credit code is checked per GB 32100 (both check characters). Honours Idempotency-Key.")
    public Response create(CompanyInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Company c = companies().create(input, Caller.name(sc));
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(c.id())).build(), c, c.version());
    }

    @Reference
    private org.smartproperty.platform.security.AccountDirectory accounts;

    @POST
    @Path("applications")
    @RequiresPermission("company:apply")
    @Doc(summary = "A legal person not yet in the registry applies: its company is registered APPLYING under the credit code of the "
            + "caller's real-name identity and the caller is bound to it at once, so it can submit the filing (POST /companies/{id}/filings)",
            requirements = "COS-1, SUP-CO-2",
            description = "409 apply.noIdentity for an account that is not a legal person's real-name account; 409 creditCode.duplicate when the "
                    + "code is registered (the account is then already bound to that company); 400 apply.notOwnCode for another code in the body.")
    public Response apply(CompanyInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        org.smartproperty.platform.security.AccountIdentity who = accounts.identity(Caller.of(sc).accountId())
                .filter(org.smartproperty.platform.security.AccountIdentity::legalPerson)
                .orElseThrow(() -> org.smartproperty.platform.ApiException.conflict(CompanyMessages.TEXTS, "apply.noIdentity"));
        Company c = companies().apply(who.creditCode(), input, Caller.name(sc));
        return Api.created(uri.getBaseUriBuilder().path("companies").path(Long.toString(c.id())).build(), c, c.version());
    }

    @GET
    @Path("{id}")
    @RequiresPermission("company:read")
    @Doc(summary = "Read one company (ETag = version); outside the caller's scope is 404", requirements = "SUP-CO-1")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        Company c = companies().get(Caller.scope(sc), Api.id(id, COMPANY));
        return Api.ok(c, c.version());
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("company:write")
    @Doc(summary = "Update a company; If-Match with the ETag is required (412 when stale)", requirements = "SUP-CO-1",
            description = "Service periods are matched by (estateId, from); periods left out are kept as history.")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CompanyInput input,
                           @Context SecurityContext sc) {
        long companyId = Api.id(id, COMPANY);
        Company c = companies().update(companyId, Api.expectedVersion(ifMatch), input, Caller.name(sc));
        return Api.ok(c, c.version());
    }

    @GET
    @Path("{id}/filings")
    @RequiresPermission("company:read")
    @Doc(summary = "Filing rounds of a company, newest first, with the regulator's decisions and reasons", requirements = "SUP-CO-2, COS-2")
    public List<Filing> filings(@PathParam("id") String id, @Context SecurityContext sc) {
        return companies().filings(Caller.scope(sc), Api.id(id, COMPANY));
    }

    @GET
    @Path("{id}/filings/history")
    @RequiresPermission("company:read")
    @Doc(summary = "Review history of the company's filings, oldest first: who submitted, returned (with the reason), resubmitted, approved, when",
            requirements = "SUP-CO-2, COS-2", description = "Each entry {id, roundId, action (SUBMIT, RESUBMIT, APPROVE, RETURN), from, to, actor, at, "
                    + "reason, details}; details of a submission list its materials {title, fileId}. Same visibility as the filings.")
    public List<ReviewEvent> filingHistory(@PathParam("id") String id, @Context SecurityContext sc) {
        return companies().filingHistory(Caller.scope(sc), Api.id(id, COMPANY));
    }

    @POST
    @Path("{id}/filings")
    @RequiresPermission("company:file")
    @Doc(summary = "Submit a filing for the caller's own company (409 while one awaits review or when already filed)",
            requirements = "COS-2, SUP-CO-2",
            description = "Body {qualificationGrade, certificateNumber, creditInformation, note, materials: [{title, fileId}]}: at least one "
                    + "material, each a file the caller uploaded to POST /api/v1/files. The regulator and the company read them at "
                    + "/api/v1/files/{fileId}/content.")
    public Response submit(@PathParam("id") String id, FilingInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Filing f = companies().submitFiling(Caller.scope(sc), Api.id(id, COMPANY), input, Caller.name(sc));
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(f.id())).build(), f, f.version());
    }

    @POST
    @Path("{id}/filings/{filingId}/approve")
    @RequiresPermission("company:review")
    @Doc(summary = "Approve a submitted filing; the company becomes FILED. If-Match with the filing's ETag required",
            requirements = "SUP-CO-2", description = "Body {\"reason\": optional}. A filing that is not SUBMITTED is 409 naming the allowed transitions.")
    public Response approve(@PathParam("id") String id, @PathParam("filingId") String filingId,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision decision, @Context SecurityContext sc) {
        long companyId = Api.id(id, COMPANY);
        long fId = Api.id(filingId, "objects.filing");
        Filing f = companies().approve(companyId, fId, Api.expectedVersion(ifMatch), decision == null ? null : decision.reason(), Caller.name(sc));
        return Api.ok(f, f.version());
    }

    @POST
    @Path("{id}/filings/{filingId}/return")
    @RequiresPermission("company:review")
    @Doc(summary = "Return a submitted filing with a reason (400 without); the company may resubmit. If-Match required",
            requirements = "SUP-CO-2, COS-2", description = "Body {\"reason\": required}.")
    public Response returnFiling(@PathParam("id") String id, @PathParam("filingId") String filingId,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision decision, @Context SecurityContext sc) {
        long companyId = Api.id(id, COMPANY);
        long fId = Api.id(filingId, "objects.filing");
        Filing f = companies().returnFiling(companyId, fId, Api.expectedVersion(ifMatch), decision == null ? null : decision.reason(),
                Caller.name(sc));
        return Api.ok(f, f.version());
    }

    @POST
    @Path("{id}/suspend")
    @RequiresPermission("company:review")
    @Doc(summary = "Suspend a FILED company (sanction); reason required, If-Match with the company's ETag", requirements = "SUP-CO-1",
            description = "Body {\"reason\": required}. Any other status is 409 naming the allowed changes. Audited.")
    public Response suspend(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision decision,
                            @Context SecurityContext sc) {
        return status(id, ifMatch, CompanyStatus.SUSPENDED, decision, sc);
    }

    @POST
    @Path("{id}/reinstate")
    @RequiresPermission("company:review")
    @Doc(summary = "Reinstate a SUSPENDED company (back to FILED); reason required, If-Match required", requirements = "SUP-CO-1")
    public Response reinstate(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision decision,
                              @Context SecurityContext sc) {
        return status(id, ifMatch, CompanyStatus.FILED, decision, sc);
    }

    @POST
    @Path("{id}/revoke")
    @RequiresPermission("company:review")
    @Doc(summary = "Revoke the filing of a FILED or SUSPENDED company (final); reason required, If-Match required", requirements = "SUP-CO-1")
    public Response revoke(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision decision,
                           @Context SecurityContext sc) {
        return status(id, ifMatch, CompanyStatus.REVOKED, decision, sc);
    }

    private Response status(String id, String ifMatch, CompanyStatus target, Decision decision, SecurityContext sc) {
        long companyId = Api.id(id, COMPANY);
        Company c = companies().changeStatus(companyId, Api.expectedVersion(ifMatch), target, decision == null ? null : decision.reason(),
                Caller.name(sc));
        return Api.ok(c, c.version());
    }

}
