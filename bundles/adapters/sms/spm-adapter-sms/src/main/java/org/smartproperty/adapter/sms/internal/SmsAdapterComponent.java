package org.smartproperty.adapter.sms.internal;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.notification.DeliveryReceipt;
import org.smartproperty.notification.SmsSender;

/**
 * INT-SMS: the {@link SmsSender} of the configured provider (PID {@code org.smartproperty.adapter.sms}).
 * Without that configuration nothing is registered and the outbox keeps its messages QUEUED
 * (health check sms-outbox warns).
 */
@Component(service = SmsSender.class, configurationPid = "org.smartproperty.adapter.sms", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SmsAdapterConfig.class)
public class SmsAdapterComponent implements SmsSender {

    private static final Logger LOG = LoggerFactory.getLogger(SmsAdapterComponent.class);

    private volatile SmsSender delegate;

    @Activate
    @Modified
    void configure(SmsAdapterConfig config) {
        delegate = create(SmsAdapterSettings.from(config), Clock.systemUTC());
        LOG.info("SMS provider {} at {}", delegate.provider(), SmsAdapterSettings.from(config).endpoint());
    }

    /** The sender for {@code settings.provider()}. */
    public static SmsSender create(SmsAdapterSettings settings, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build();
        return switch (settings.provider()) {
            case SmsAdapterSettings.TENCENT -> new TencentSmsSender(settings, http, clock);
            case SmsAdapterSettings.ALIYUN -> new AliyunSmsSender(settings, http, clock);
            default -> throw new IllegalArgumentException("unknown SMS provider " + settings.provider() + " (aliyun, tencent)");
        };
    }

    @Override
    public String provider() {
        return delegate.provider();
    }

    @Override
    public SendResult send(List<String> phones, String templateCode, Map<String, String> params, List<String> paramOrder, String outId) {
        return delegate.send(phones, templateCode, params, paramOrder, outId);
    }

    @Override
    public QueryResult query(String outId, String phone, LocalDate date) {
        return delegate.query(outId, phone, date);
    }

    @Override
    public List<DeliveryReceipt> parseReceipts(String body) {
        return delegate.parseReceipts(body);
    }
}
