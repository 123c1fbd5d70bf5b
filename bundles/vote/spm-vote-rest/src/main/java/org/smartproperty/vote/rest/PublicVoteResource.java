package org.smartproperty.vote.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.vote.Views;
import org.smartproperty.vote.VoteService;

/** {@code /api/v1/public/votes} and {@code /api/v1/public/vote-receipts}: votes, published results and receipt checks, no login (DIS-4, MAP-6). */
@Component(service = PublicVoteResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("public")
@Produces(MediaType.APPLICATION_JSON)
public class PublicVoteResource extends VoteServiceClient {

    @GET
    @Path("votes")
    @PublicAccess
    @Doc(summary = "Noticed, open, closed, published and suspended votes, optionally of one estate (newest deadline first; no names)",
            requirements = {"DIS-4", "MAP-6"}, description = "400 for a malformed estateId.")
    public Page<Views.PublicVote> list(@QueryParam("estateId") String estateId, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest pr = PageRequest.parse(page, size, null, VoteService.SORT);
        Validation v = new Validation(Messages.PLATFORM);
        Long estate = VoteResource.longOf(v, "estateId", estateId);
        v.throwIfInvalid();
        return service().publicList(estate, pr);
    }

    @GET
    @Path("votes/{id}")
    @PublicAccess
    @Doc(summary = "A public vote with its matters and, once published, the result per matter (counts, areas, ratios, outcome)",
            requirements = {"DIS-4", "MAP-6"})
    public Views.PublicVoteDetail get(@PathParam("id") String id) {
        return service().publicGet(Api.id(id, VoteResource.VOTE));
    }

    @GET
    @Path("vote-receipts/{receipt}")
    @PublicAccess
    @Doc(summary = "Whether a ballot receipt was counted (superseded when the ballot was changed); no names", requirements = "VOTE-6",
            description = "400 when not 64 hex characters, 404 vote.receiptUnknown.")
    public Views.ReceiptCheck receipt(@PathParam("receipt") String receipt) {
        return service().checkReceipt(receipt);
    }
}
