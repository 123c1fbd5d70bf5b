package org.smartproperty.analytics.rest;

import java.util.List;
import java.util.Locale;
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
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.analytics.AnalyticsFilter;
import org.smartproperty.analytics.AnalyticsMessages;
import org.smartproperty.analytics.AnalyticsView;
import org.smartproperty.analytics.RollupRun;
import org.smartproperty.analytics.StatTable;
import org.smartproperty.analytics.TrendPoint;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.platform.rest.RequiresPermission;

/**
 * {@code /api/v1/analytics/{estates|companies|tenders|services|satisfaction|assessment}} (ANA-1..6): rankings with ties
 * and paging, {@code …/trend} by month, both also as CSV or XLSX ({@code format=csv|xlsx}, headers in the caller's
 * language); {@code POST /api/v1/analytics/rebuild} rebuilds the rollups (repair).
 */
@Component(service = AnalyticsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("analytics")
public class AnalyticsResource extends AnalyticsServiceClient {

    /** Rows an export carries at most (the province has about 30,000 estates). */
    static final int EXPORT_MAX = 50_000;
    static final String FILTERS = "Filters: from, to (months yyyy-MM, inclusive), estateId, companyId, community; subject=COMPANY|COMMITTEE "
            + "(satisfaction only). A company sees only itself and the estates it served; owners and the public 403.";

    @GET
    @Path("{view}")
    @Produces({MediaType.APPLICATION_JSON, AnalyticsExport.CSV, AnalyticsExport.XLSX})
    @RequiresPermission("analytics:read")
    @Doc(summary = "A statistic's ranking (view: estates, companies, tenders, services, satisfaction, assessment)",
            description = FILTERS + " sort: a column, -column descending (default: the view's main column, descending); ranks with "
                    + "ties (1, 1, 3); paging page/size; format=csv or xlsx exports every row (headers in the caller's language).",
            requirements = "ANA-1, ANA-2, ANA-3, ANA-4, ANA-5, ANA-6")
    public Response ranking(@PathParam("view") String view, @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("estateId") String estateId, @QueryParam("companyId") String companyId,
                            @QueryParam("community") String community, @QueryParam("subject") String subject,
                            @QueryParam("sort") String sort, @QueryParam("page") String page, @QueryParam("size") String size,
                            @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                            @Context SecurityContext sc) {
        AnalyticsView v = view(view);
        Validation val = new Validation(AnalyticsMessages.TEXTS);
        AnalyticsFilter filter = filter(val, from, to, estateId, companyId, community, subject);
        String fmt = format(val, format);
        PageRequest pr = fmt == null ? PageRequest.parse(page, size, null, java.util.Set.of()) : PageRequest.of(0, EXPORT_MAX);
        val.throwIfInvalid();
        StatTable table = service().statistics(Caller.of(sc), v, filter, sort, pr);
        if (fmt == null) {
            return Response.ok(table, MediaType.APPLICATION_JSON).build();
        }
        Locale locale = Messages.negotiate(language);
        return download(AnalyticsExport.table(table, fmt, locale, v.path() + (filter.committees() ? "-committees" : "")));
    }

    @GET
    @Path("{view}/trend")
    @Produces({MediaType.APPLICATION_JSON, AnalyticsExport.CSV, AnalyticsExport.XLSX})
    @RequiresPermission("analytics:read")
    @Doc(summary = "A statistic by month (the ranking's columns summed or averaged per month)",
            description = FILTERS + " Months without data are left out; format=csv or xlsx exports it.",
            requirements = "ANA-1, ANA-2, ANA-3, ANA-4, ANA-5, ANA-6")
    public Response trend(@PathParam("view") String view, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("estateId") String estateId, @QueryParam("companyId") String companyId,
                          @QueryParam("community") String community, @QueryParam("subject") String subject,
                          @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                          @Context SecurityContext sc) {
        AnalyticsView v = view(view);
        Validation val = new Validation(AnalyticsMessages.TEXTS);
        AnalyticsFilter filter = filter(val, from, to, estateId, companyId, community, subject);
        String fmt = format(val, format);
        val.throwIfInvalid();
        List<TrendPoint> points = service().trend(Caller.of(sc), v, filter);
        if (fmt == null) {
            return Response.ok(points, MediaType.APPLICATION_JSON).build();
        }
        return download(AnalyticsExport.trend(points, fmt, Messages.negotiate(language), v.path() + "-trend"));
    }

    @POST
    @Path("rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission("analytics:rebuild")
    @Doc(summary = "Rebuild every rollup from the source domains (repair; the nightly job does the same)",
            description = "Answers what was done: keys, rows, millis. Audited (analytics.rebuild).", requirements = "ANA-1, ANA-2, ANA-3, ANA-4, ANA-5, ANA-6")
    public RollupRun rebuild(@Context SecurityContext sc) {
        return service().rebuild(Caller.of(sc));
    }

    private static Response download(AnalyticsExport.Export e) {
        return Response.ok(e.body(), e.mediaType()).header("Content-Disposition", "attachment; filename=\"" + e.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }

    static AnalyticsView view(String path) {
        AnalyticsView v = AnalyticsView.ofPath(path);
        if (v == null) {
            throw new ApiException(404, "filter.view", AnalyticsMessages.TEXTS, null, path == null ? "" : path.substring(0, Math.min(40, path.length())));
        }
        return v;
    }

    static AnalyticsFilter filter(Validation v, String from, String to, String estateId, String companyId, String community, String subject) {
        Integer f = month(v, "from", from);
        Integer t = month(v, "to", to);
        Long estate = QueryParams.optionalId(v, "estateId", estateId);
        Long company = QueryParams.optionalId(v, "companyId", companyId);
        String c = community == null || community.isBlank() ? null : community.strip();
        if (c != null) {
            v.maxLength("community", c, 100);
        }
        String s = subject == null || subject.isBlank() ? null : subject.strip().toUpperCase(Locale.ROOT);
        if (s != null && s.length() > 16) {
            v.maxLength("subject", s, 16);
        }
        return new AnalyticsFilter(f, t, estate, company, c, s);
    }

    /** yyyy-MM → yyyymm, or a field error. */
    static Integer month(Validation v, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (s.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            return Integer.parseInt(s.substring(0, 4)) * 100 + Integer.parseInt(s.substring(5));
        }
        v.error(field, "filter.month", s.substring(0, Math.min(20, s.length())));
        return null;
    }

    static String format(Validation v, String raw) {
        if (raw == null || raw.isBlank() || raw.strip().equalsIgnoreCase("json")) {
            return null;
        }
        String f = raw.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("xlsx")) {
            v.error("format", "filter.format", f.substring(0, Math.min(20, f.length())));
            return null;
        }
        return f;
    }
}
