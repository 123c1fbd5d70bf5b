package org.smartproperty.adapter.sms.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartproperty.notification.SmsSender;

/** One HTTP exchange, with the transport failures sorted into "certainly not received" and "unknown". */
final class HttpCalls {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A reply: HTTP status and the parsed JSON body (null when not JSON). */
    record Reply(int status, JsonNode json, String body) {
    }

    /** A transport failure, classified. */
    static final class CallFailed extends Exception {
        final SmsSender.Outcome outcome;

        CallFailed(SmsSender.Outcome outcome, String message, Throwable cause) {
            super(message, cause);
            this.outcome = outcome;
        }
    }

    private HttpCalls() {
    }

    static Reply exchange(HttpClient http, HttpRequest request) throws CallFailed {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            // the request never reached the provider
            throw new CallFailed(SmsSender.Outcome.RETRYABLE, "connect: " + e, e);
        } catch (HttpTimeoutException e) {
            throw new CallFailed(SmsSender.Outcome.UNKNOWN, "timeout: " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw new CallFailed(SmsSender.Outcome.RETRYABLE, "connect: " + e, e);
            }
            throw new CallFailed(SmsSender.Outcome.UNKNOWN, "i/o: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(SmsSender.Outcome.UNKNOWN, "interrupted", e);
        }
        JsonNode json = null;
        try {
            json = JSON.readTree(r.body());
        } catch (IOException | RuntimeException ignored) {
            // not JSON: the caller decides
        }
        return new Reply(r.statusCode(), json, r.body());
    }
}
