package org.smartproperty.credit.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.credit.Appeal;
import org.smartproperty.credit.AppealQuery;
import org.smartproperty.credit.AppealStatus;
import org.smartproperty.credit.CompanyCredit;
import org.smartproperty.credit.CreditDetail;
import org.smartproperty.credit.CreditMessages;
import org.smartproperty.credit.CreditQuery;
import org.smartproperty.credit.CreditRecord;
import org.smartproperty.credit.CreditRule;
import org.smartproperty.credit.CreditService;
import org.smartproperty.credit.Declaration;
import org.smartproperty.credit.DeclarationInput;
import org.smartproperty.credit.RecordInput;
import org.smartproperty.credit.RecordKind;
import org.smartproperty.credit.RecordQuery;
import org.smartproperty.credit.RecordSource;
import org.smartproperty.credit.RecordStatus;
import org.smartproperty.credit.RuleInput;
import org.smartproperty.credit.Verification;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.platform.rest.RequiresPermission;

/**
 * {@code /api/v1/credit}: company credit (SUP-CO-3; rules CRD-1..5). A company user reads and acts on its own company only
 * (404 otherwise); the regulator's staff on every company.
 */
@Component(service = CreditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("credit")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreditResource extends CreditServiceClient {

    private static final String COMPANY = "objects.company";

    /** Body of a repair, an appeal or a decision. */
    public record Reasoned(String reason, List<AttachmentInput> evidence) {
    }

    @GET
    @Path("companies")
    @RequiresPermission("credit:read")
    @Doc(summary = "Companies with their current credit score, grade and blacklist flag", requirements = "SUP-CO-3, CRD-3, CRD-5",
            description = "Filters: q (name part), grade (AAA, AA, A, B, C with the default bands), blacklisted (true/false). "
                    + "sort: score, grade, companyName, updatedAt, companyId. A company user sees only itself.")
    public Page<CompanyCredit> companies(@QueryParam("q") String q, @QueryParam("grade") String grade,
                                         @QueryParam("blacklisted") String blacklisted, @QueryParam("page") String page,
                                         @QueryParam("size") String size, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, CreditService.SORT);
        Validation v = new Validation(CreditMessages.TEXTS);
        Boolean bl = null;
        if (blacklisted != null && !blacklisted.isBlank()) {
            if (!blacklisted.equals("true") && !blacklisted.equals("false")) {
                v.error(org.smartproperty.platform.Messages.PLATFORM, "blacklisted", "field.invalid");
            } else {
                bl = Boolean.valueOf(blacklisted);
            }
        }
        v.throwIfInvalid();
        return service().companies(Caller.of(sc), new CreditQuery(q, grade == null || grade.isBlank() ? null : grade, bl), pr);
    }

    @GET
    @Path("companies/{id}")
    @RequiresPermission("credit:read")
    @Doc(summary = "A company's score, grade, records in force and the full history of score changes, as of a date",
            requirements = "SUP-CO-3, CRD-1, CRD-2, CRD-3, CRD-4",
            description = "asOf=YYYY-MM-DD (default today, Asia/Shanghai): what counted at the end of that day. 404 outside the scope "
                    + "or for a company without a credit file.")
    public CreditDetail company(@PathParam("id") String id, @QueryParam("asOf") String asOf, @Context SecurityContext sc) {
        return service().company(Caller.of(sc), Api.id(id, COMPANY), date("asOf", asOf));
    }

    static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            Validation v = new Validation(CreditMessages.TEXTS);
            v.error(field, "asOf.format");
            v.throwIfInvalid();
            return null;
        }
    }

    @GET
    @Path("companies/{id}/declarations")
    @RequiresPermission("credit:read")
    @Doc(summary = "The company's declarations (newest first) with items, claimed and verified points and evidence", requirements = "CRD-1")
    public List<Declaration> declarations(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().declarations(Caller.of(sc), Api.id(id, COMPANY));
    }

    @GET
    @Path("companies/{id}/declarations/history")
    @RequiresPermission("credit:read")
    @Doc(summary = "Review history of the company's declarations, oldest first", requirements = "CRD-1, CRD-4")
    public List<ReviewEvent> declarationHistory(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().declarationHistory(Caller.of(sc), Api.id(id, COMPANY));
    }

    @POST
    @Path("companies/{id}/declarations")
    @RequiresPermission("credit:declare")
    @Doc(summary = "The company declares its base items (qualifications, staff, awards) with evidence for this year",
            requirements = "SUP-CO-3, CRD-1",
            description = "Body {items: [{category QUALIFICATION|STAFF|AWARD, title, claimedPoints (0..the category's cap), evidence: "
                    + "[{title, fileId}]}]}. 409 declaration.pending while one awaits verification, declaration.approved once this "
                    + "year's is verified, declaration.notCompany for anyone but the company itself.")
    public Response declare(@PathParam("id") String id, DeclarationInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Declaration d = service().declare(Caller.of(sc), Api.id(id, COMPANY), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(d.id())).build(), d, d.version());
    }

    @POST
    @Path("companies/{id}/declarations/{declarationId}/verify")
    @RequiresPermission("credit:review")
    @Doc(summary = "Verify a submitted declaration item by item: the verified base score; the score and grade are recomputed",
            requirements = "SUP-CO-3, CRD-1, CRD-3",
            description = "If-Match with the declaration's ETag. Body {items: [{itemId, verifiedPoints (0..claimed), note}], reason}: every "
                    + "item once. Base score = per category the sum of verified points within the category's cap.")
    public Response verify(@PathParam("id") String id, @PathParam("declarationId") String declarationId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Verification body, @Context SecurityContext sc) {
        Declaration d = service().verify(Caller.of(sc), Api.id(id, COMPANY), Api.id(declarationId, "objects.declaration"),
                Api.expectedVersion(ifMatch), body);
        return Api.ok(d, d.version());
    }

    @POST
    @Path("companies/{id}/declarations/{declarationId}/return")
    @RequiresPermission("credit:review")
    @Doc(summary = "Return a submitted declaration with a reason (400 without); the company may declare again", requirements = "CRD-1",
            description = "If-Match required. Body {reason}.")
    public Response returnDeclaration(@PathParam("id") String id, @PathParam("declarationId") String declarationId,
                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Reasoned body, @Context SecurityContext sc) {
        Declaration d = service().returnDeclaration(Caller.of(sc), Api.id(id, COMPANY), Api.id(declarationId, "objects.declaration"),
                Api.expectedVersion(ifMatch), body == null ? null : body.reason());
        return Api.ok(d, d.version());
    }

    @GET
    @Path("records")
    @RequiresPermission("credit:read")
    @Doc(summary = "Good and bad credit records with filters and paging", requirements = "SUP-CO-3, CRD-1, CRD-2",
            description = "Filters: companyId, kind (GOOD, BAD), source (MANUAL, INSPECTION, COMPLAINT, ASSESSMENT, PENALTY, AWARD), status "
                    + "(ACTIVE, EXPIRED, WITHDRAWN, REPAIRED; EXPIRED = past its validity). sort: id, occurredOn, validUntil, points.")
    public Page<CreditRecord> records(@QueryParam("companyId") String companyId, @QueryParam("kind") String kind,
                                      @QueryParam("source") String source, @QueryParam("status") String status,
                                      @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                                      @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, CreditService.RECORD_SORT);
        Validation v = new Validation(CreditMessages.TEXTS);
        Long c = QueryParams.optionalId(v, "companyId", companyId);
        RecordKind k = QueryParams.optionalEnum(v, "kind", kind, RecordKind.class);
        RecordSource s = QueryParams.optionalEnum(v, "source", source, RecordSource.class);
        RecordStatus st = QueryParams.optionalEnum(v, "status", status, RecordStatus.class);
        v.throwIfInvalid();
        return service().records(Caller.of(sc), new RecordQuery(c, k, s, st), pr);
    }

    @GET
    @Path("records/{id}")
    @RequiresPermission("credit:read")
    @Doc(summary = "One credit record (ETag = version) with its evidence", requirements = "CRD-1, CRD-2")
    public Response record(@PathParam("id") String id, @Context SecurityContext sc) {
        CreditRecord r = service().record(Caller.of(sc), Api.id(id, "objects.record"));
        return Api.ok(r, r.version());
    }

    @POST
    @Path("records")
    @RequiresPermission("credit:write")
    @Doc(summary = "Issue a good or bad record by hand, with evidence; the score and grade are recomputed", requirements = "SUP-CO-3, CRD-1, CRD-2",
            description = "Body {companyId, kind GOOD|BAD, source (default MANUAL), points 0..100, veto (bad only: straight to the lowest grade), "
                    + "occurredOn (not in the future), validMonths (default 12), reason, evidence: [{title, fileId}]}.")
    public Response addRecord(RecordInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        CreditRecord r = service().addRecord(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build(), r, r.version());
    }

    @POST
    @Path("records/{id}/repair")
    @RequiresPermission("credit:write")
    @Doc(summary = "Credit repair (信用修复): withdraw an active bad record early after rectification", requirements = "CRD-4",
            description = "If-Match with the record's ETag. Body {reason, evidence: [{title, fileId}]}. 409 for any other record or while an "
                    + "appeal on it is pending.")
    public Response repair(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Reasoned body,
                           @Context SecurityContext sc) {
        CreditRecord r = service().repair(Caller.of(sc), Api.id(id, "objects.record"), Api.expectedVersion(ifMatch),
                body == null ? null : body.reason(), body == null ? null : body.evidence());
        return Api.ok(r, r.version());
    }

    @POST
    @Path("records/{id}/appeals")
    @RequiresPermission("credit:declare")
    @Doc(summary = "The company appeals (异议申诉) one of its active bad records with grounds and files", requirements = "CRD-4",
            description = "Body {reason, evidence: [{title, fileId}]}. The regulator decides within the time limit credit/APPEAL (15 working "
                    + "days by default). 409 appeal.pending, appeal.decided (one appeal per record), appeal.notAppealable.")
    public Response appeal(@PathParam("id") String id, Reasoned body, @Context UriInfo uri, @Context SecurityContext sc) {
        Appeal a = service().submitAppeal(Caller.of(sc), Api.id(id, "objects.record"), body == null ? null : body.reason(),
                body == null ? null : body.evidence());
        return Api.created(uri.getBaseUriBuilder().path("credit").path("appeals").path(Long.toString(a.id())).build(), a, a.version());
    }

    @GET
    @Path("appeals")
    @RequiresPermission("credit:read")
    @Doc(summary = "Appeals with their status and due time", requirements = "CRD-4",
            description = "Filters: companyId, status (SUBMITTED, UPHELD, WITHDRAWN). sort: id, submittedAt, status.")
    public Page<Appeal> appeals(@QueryParam("companyId") String companyId, @QueryParam("status") String status,
                                @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                                @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, CreditService.APPEAL_SORT);
        Validation v = new Validation(CreditMessages.TEXTS);
        Long c = QueryParams.optionalId(v, "companyId", companyId);
        AppealStatus st = QueryParams.optionalEnum(v, "status", status, AppealStatus.class);
        v.throwIfInvalid();
        return service().appeals(Caller.of(sc), new AppealQuery(c, st), pr);
    }

    @GET
    @Path("appeals/{id}")
    @RequiresPermission("credit:read")
    @Doc(summary = "One appeal (ETag = version)", requirements = "CRD-4")
    public Response getAppeal(@PathParam("id") String id, @Context SecurityContext sc) {
        Appeal a = service().appeal(Caller.of(sc), Api.id(id, "objects.appeal"));
        return Api.ok(a, a.version());
    }

    @POST
    @Path("appeals/{id}/uphold")
    @RequiresPermission("credit:review")
    @Doc(summary = "Keep the record: the appeal is dismissed with a reason (400 without)", requirements = "CRD-4",
            description = "If-Match with the appeal's ETag. Body {reason}. The appeal's deadline completes.")
    public Response uphold(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Reasoned body,
                           @Context SecurityContext sc) {
        Appeal a = service().uphold(Caller.of(sc), Api.id(id, "objects.appeal"), Api.expectedVersion(ifMatch),
                body == null ? null : body.reason());
        return Api.ok(a, a.version());
    }

    @POST
    @Path("appeals/{id}/withdraw")
    @RequiresPermission("credit:review")
    @Doc(summary = "Withdraw the record: the appeal succeeds; the score and grade are recomputed", requirements = "CRD-4",
            description = "If-Match with the appeal's ETag. Body {reason} (optional).")
    public Response withdraw(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Reasoned body,
                             @Context SecurityContext sc) {
        Appeal a = service().withdraw(Caller.of(sc), Api.id(id, "objects.appeal"), Api.expectedVersion(ifMatch),
                body == null ? null : body.reason());
        return Api.ok(a, a.version());
    }

    @GET
    @Path("rules")
    @RequiresPermission("credit:read")
    @Doc(summary = "The rule table: which signal of another domain becomes which record", requirements = "CRD-1, CRD-2")
    public List<CreditRule> rules(@Context SecurityContext sc) {
        return service().rules(Caller.of(sc));
    }

    @PUT
    @Path("rules/{code}")
    @RequiresPermission("credit:rules")
    @Doc(summary = "Change a rule's points, validity, veto and whether it is active", requirements = "CRD-1, CRD-2, CRD-3",
            description = "If-Match with the rule's version. Body {points 0..100, validMonths 1..120, veto (bad rules only), active}.")
    public Response updateRule(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, RuleInput body,
                               @Context SecurityContext sc) {
        CreditRule r = service().updateRule(Caller.of(sc), code, Api.expectedVersion(ifMatch), body);
        return Api.ok(r, r.version());
    }
}
