package org.smartproperty.estate.rest;

import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.estate.EstateMessages;
import org.smartproperty.estate.TitleVerification;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AccountIdentity;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * {@code /api/v1/me/houses/verification} (issue 12 item 1, OWN-1, OWN-2): a real-name owner has
 * the titles of every house registered under their identity document verified; each HELD answer
 * gives the account that house from its next request on.
 */
@Component(service = OwnTitlesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("me/houses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OwnTitlesResource extends EstateServiceClient {

    @Reference
    private AccountDirectory accounts;

    @POST
    @Path("verification")
    @RequiresPermission("house:verify")
    @Doc(summary = "Verify the titles of all houses registered under the caller's real-name identity document with the "
            + "registration system; each HELD house becomes part of the caller's owner scope at once (co-owners each verify "
            + "their own). 200 {items: [verification…]} (empty when no house carries the document); 409 verification.noIdentity "
            + "for an account without a real-name identity; 503 when the registration system cannot be reached",
            requirements = "OWN-1, OWN-2, INT-REG")
    public Map<String, Object> verifyOwn(@Context SecurityContext sc) {
        SpmPrincipal p = Caller.of(sc);
        AccountIdentity who = accounts.identity(p.accountId()).filter(i -> !i.legalPerson())
                .orElseThrow(() -> ApiException.conflict(EstateMessages.TEXTS, "verification.noIdentity"));
        List<TitleVerification> items = estates().verifyOwnTitles(who, p.username());
        return Map.of("items", items);
    }
}
