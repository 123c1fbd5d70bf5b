package org.smartproperty.notification;

import org.osgi.annotation.versioning.ConsumerType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * SPI of an SMS provider (Alibaba Cloud, Tencent Cloud, ...), registered as an OSGi service with
 * the property {@code provider=<name>}. Calls are NOT idempotent at the provider: the outbox never
 * calls {@link #send} twice for one {@code outId} unless {@link #query} said it was not received.
 * Implementations never throw: every outcome is a {@link SendResult}.
 */
@ConsumerType
public interface SmsSender {

    /** {@code aliyun}, {@code tencent}, ... (also the path segment of the receipt endpoint). */
    String provider();

    /**
     * Sends one template message. {@code phones} in E.164 ({@code +8613812345678}),
     * {@code templateCode} from {@link SmsTemplates#code}, {@code params} by name (positional
     * providers use {@link MessageKind#params()} order via {@code paramOrder}).
     */
    SendResult send(List<String> phones, String templateCode, Map<String, String> params, List<String> paramOrder, String outId);

    /** What the provider knows of {@code outId} sent to {@code phone} on {@code date}. */
    QueryResult query(String outId, String phone, LocalDate date);

    /** Parses a receipt push (the body POSTed to {@code /api/v1/sms/receipts/<provider>}). */
    List<DeliveryReceipt> parseReceipts(String body);

    /** Outcome of a send. */
    record SendResult(Outcome outcome, String bizId, String errorCode, String message) {
        public static SendResult accepted(String bizId) {
            return new SendResult(Outcome.ACCEPTED, bizId, null, null);
        }
    }

    enum Outcome {
        /** The provider accepted the message (biz id known). */
        ACCEPTED,
        /** Certainly not accepted, may succeed later (flow control, connection refused). */
        RETRYABLE,
        /** Certainly not accepted and never will be (illegal number, template). */
        PERMANENT,
        /** Not known whether the provider accepted it (timeout, 5xx, garbled reply). */
        UNKNOWN
    }

    /** Outcome of a query by outId. */
    record QueryResult(QueryStatus status, String bizId, String errorCode) {
    }

    enum QueryStatus {
        /** The provider has no message with this outId: it was never accepted. */
        NOT_FOUND,
        /** Accepted, no receipt yet. */
        ACCEPTED,
        DELIVERED,
        FAILED,
        /** The query itself failed; try again later. */
        ERROR
    }
}
