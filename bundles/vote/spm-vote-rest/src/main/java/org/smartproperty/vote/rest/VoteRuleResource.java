package org.smartproperty.vote.rest;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.vote.MatterCategory;
import org.smartproperty.vote.RuleInput;
import org.smartproperty.vote.VoteRule;

/** {@code /api/v1/vote-rules}: the threshold table (rules as data, VOTE-2..4). */
@Component(service = VoteRuleResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("vote-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VoteRuleResource extends VoteServiceClient {

    @GET
    @RequiresPermission("vote:read")
    @Doc(summary = "The thresholds per Civil Code art. 278 category: quorum and pass fractions with GE (以上) or GT (过半数)",
            requirements = {"VOTE-2", "VOTE-3", "VOTE-4"})
    public List<VoteRule> rules() {
        return service().rules();
    }

    @PUT
    @Path("{category}")
    @RequiresPermission("vote:rules")
    @Doc(summary = "Change a category's thresholds (If-Match); never laxer than the law", requirements = {"VOTE-2", "VOTE-3", "VOTE-4"},
            description = "Body {quorum:{numerator, denominator, comparison}, pass:{…}}. 400 vote.rule.belowLaw / vote.rule.fraction. Running votes keep "
                    + "the rule frozen at their notice.")
    public Response updateRule(@PathParam("category") String category, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, RuleInput input,
                               @Context SecurityContext sc) {
        MatterCategory c;
        try {
            c = MatterCategory.valueOf(category);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("objects.rule", category);
        }
        VoteRule r = service().updateRule(Caller.of(sc), c, Api.expectedVersion(ifMatch), input);
        return Api.ok(r, r.version());
    }

}
