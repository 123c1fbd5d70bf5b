package org.smartproperty.deadline.rest;

import java.time.LocalDate;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.deadline.CalendarDay;
import org.smartproperty.deadline.CalendarDayInput;
import org.smartproperty.deadline.DeadlineMessages;
import org.smartproperty.deadline.TimeLimit;
import org.smartproperty.deadline.TimeLimitInput;
import org.smartproperty.deadline.WorkingCalendar;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.rest.RequiresPermission;

/**
 * {@code /api/v1/calendar}: the working calendar (SLA-2) — public to read, edited by the regulator
 * (audited) — and the time limits per category (SLA-1, SLA-4).
 */
@Component(service = CalendarResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource extends DeadlineClient {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    /** The calendar of one year: zone, office hours and the exception days (weekends are implied). */
    public record CalendarYear(int year, String zone, List<String> officeHours, List<CalendarDay> days) {
    }

    @GET
    @PublicAccess
    @Doc(summary = "Working calendar of a year: holidays and make-up working days (weekends implied), zone and office hours",
            requirements = "SLA-2", description = "year: 2000-2100, default the current year. Days marked provisional are not yet confirmed "
                    + "against the State Council's official schedule.")
    public CalendarYear year(@QueryParam("year") String year) {
        WorkingCalendar cal = calendar();
        int y = LocalDate.now(cal.zone()).getYear();
        if (year != null && !year.isBlank()) {
            try {
                y = Integer.parseInt(year.trim());
            } catch (NumberFormatException e) {
                y = -1;
            }
            if (y < MIN_YEAR || y > MAX_YEAR) {
                throw ApiException.invalid(DeadlineMessages.TEXTS, "year", "year.range", MIN_YEAR, MAX_YEAR);
            }
        }
        return new CalendarYear(y, cal.zone().getId(), cal.officeHours().stream().map(Object::toString).toList(), settings().days(y));
    }

    @PUT
    @Path("days/{date}")
    @RequiresPermission("calendar:write")
    @Doc(summary = "Set a day as HOLIDAY or MAKEUP_WORKDAY (regulator, audited); changes every later deadline computation",
            requirements = "SLA-2", description = "Body {kind, name, provisional, note}. Changing an existing day needs If-Match with its ETag "
                    + "(428 without, 412 stale); a make-up working day must be a Saturday or Sunday.")
    public Response putDay(@PathParam("date") String date, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CalendarDayInput input,
                           @Context SecurityContext sc) {
        CalendarDay d = settings().putDay(date("date", date), optionalVersion(ifMatch), input, Caller.name(sc));
        return Api.ok(d, d.version());
    }

    @DELETE
    @Path("days/{date}")
    @RequiresPermission("calendar:write")
    @Doc(summary = "Remove an exception day: it becomes an ordinary weekday or weekend day again (regulator, audited)", requirements = "SLA-2")
    public Response deleteDay(@PathParam("date") String date, @Context SecurityContext sc) {
        settings().deleteDay(date("date", date), Caller.name(sc));
        return Response.noContent().build();
    }

    @GET
    @Path("time-limits")
    @RequiresPermission("deadline:config")
    @Doc(summary = "Time limits of every domain and category", requirements = {"SLA-1", "SLA-4"})
    public List<TimeLimit> timeLimits() {
        return settings().timeLimits();
    }

    @GET
    @Path("time-limits/{domain}/{category}")
    @RequiresPermission("deadline:config")
    @Doc(summary = "One time limit (ETag = version)", requirements = {"SLA-1", "SLA-4"})
    public Response timeLimit(@PathParam("domain") String domain, @PathParam("category") String category) {
        TimeLimit l = settings().timeLimit(domain, category);
        return Api.ok(l, l.version());
    }

    @PUT
    @Path("time-limits/{domain}/{category}")
    @RequiresPermission("deadline:config")
    @Doc(summary = "Create or change the time limit of a category (regulator, audited); running deadlines keep theirs",
            requirements = {"SLA-1", "SLA-3", "SLA-4"}, description = "Body {amount, unit: WORKING_DAYS|WORKING_HOURS|CALENDAR_HOURS, pausable, "
                    + "warningRatio (0..1 exclusive, default 0.75), description}. amount 1-366 working days or 1-8784 hours. "
                    + "Changing an existing limit needs If-Match (428 without, 412 stale).")
    public Response putTimeLimit(@PathParam("domain") String domain, @PathParam("category") String category,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, TimeLimitInput input, @Context SecurityContext sc) {
        TimeLimit l = settings().putTimeLimit(domain, category, optionalVersion(ifMatch), input, Caller.name(sc));
        return Api.ok(l, l.version());
    }
}
