package org.smartproperty.notification.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.notification.DeliveryReceipt;
import org.smartproperty.notification.NotificationMessages;
import org.smartproperty.notification.SmsMessage;
import org.smartproperty.notification.SmsMessages;
import org.smartproperty.notification.SmsSender;
import org.smartproperty.notification.SmsState;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.rest.RequiresPermission;

/**
 * {@code /api/v1/sms}: the outbox as operators and the regulator see it (final state per message,
 * phones masked, ID-2) and the providers' delivery-receipt push, which comes from the provider's
 * servers to a public URL: no login, but the shared token of PID {@code org.smartproperty.notification}
 * ({@code receiptToken}) in header {@code X-SPM-Receipt-Token} or {@code ?token=}.
 */
@Component(service = SmsResource.class, configurationPid = "org.smartproperty.notification")
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("sms")
@Produces(MediaType.APPLICATION_JSON)
public class SmsResource {

    private static final Logger LOG = LoggerFactory.getLogger(SmsResource.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SmsMessages messages;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SmsSender sender;

    private volatile String receiptToken = "";

    @Activate
    @Modified
    void configure(Map<String, Object> config) {
        Object t = config.get("receiptToken");
        receiptToken = t == null ? "" : t.toString();
    }

    private SmsMessages messages() {
        return ApiException.requireAvailable(messages, "notification");
    }

    @GET
    @Path("messages")
    @RequiresPermission("sms:read")
    @Doc(summary = "SMS of the outbox, newest first, with their final state (QUEUED, SENDING, SENT, DELIVERED, FAILED, UNKNOWN), "
            + "attempts and last error; phones masked. Filters ?state=, ?reference= (e.g. complaint:42)", requirements = "INT-SMS, SVC-CMP-4, ID-2")
    public Page<SmsMessage> list(@QueryParam("state") String state, @QueryParam("reference") String reference,
                                 @QueryParam("page") String page, @QueryParam("size") String size) {
        Validation v = new Validation(NotificationMessages.TEXTS);
        SmsState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = SmsState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.error(org.smartproperty.platform.Messages.PLATFORM, "state", "field.enum",
                        String.join(", ", java.util.Arrays.stream(SmsState.values()).map(Enum::name).toList()));
            }
        }
        v.throwIfInvalid();
        return messages().list(s, reference, PageRequest.parse(page, size, null, Set.of()));
    }

    @GET
    @Path("messages/counts")
    @RequiresPermission("sms:read")
    @Doc(summary = "Number of SMS per state (backlog at a glance)", requirements = "INT-SMS")
    public Map<SmsState, Long> counts() {
        return messages().counts();
    }

    @POST
    @Path("receipts/{provider}")
    @PublicAccess
    @Consumes(MediaType.WILDCARD)
    @Doc(summary = "Delivery receipts pushed by the SMS provider (Alibaba SmsReport / Tencent status callback, JSON array); "
            + "authenticated by the shared receipt token, not by a login", requirements = "INT-SMS")
    public Map<String, Object> receipts(@PathParam("provider") String provider, @HeaderParam("X-SPM-Receipt-Token") String header,
                                        @QueryParam("token") String query, String body) {
        String given = header != null ? header : query;
        String expected = receiptToken;
        if (expected.isEmpty() || given == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "receipt.unauthorized", NotificationMessages.TEXTS, null);
        }
        SmsSender s = sender;
        if (s == null || !s.provider().equals(provider)) {
            throw new ApiException(404, "provider.unknown", NotificationMessages.TEXTS, null, provider);
        }
        List<DeliveryReceipt> receipts;
        try {
            receipts = s.parseReceipts(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "problem.malformedJson", org.smartproperty.platform.Messages.PLATFORM, null, e.getMessage());
        }
        int changed = messages().applyReceipts(receipts);
        LOG.debug("{} receipt(s) from {}, {} message(s) changed", receipts.size(), provider, changed);
        // the reply Alibaba expects ({code:0}); Tencent ignores the body
        return Map.of("code", 0, "msg", "成功", "received", receipts.size(), "changed", changed);
    }
}
