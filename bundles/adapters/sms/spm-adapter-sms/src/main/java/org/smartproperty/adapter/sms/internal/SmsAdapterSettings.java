package org.smartproperty.adapter.sms.internal;

import java.net.URI;
import java.time.Duration;

/** Resolved settings of the adapter (from {@link SmsAdapterConfig}, or built directly in tests). */
public record SmsAdapterSettings(String provider, URI endpoint, String accessKeyId, String accessKeySecret, String signName,
                                 String sdkAppId, String region, Duration connectTimeout, Duration requestTimeout) {

    public static final String ALIYUN = "aliyun";
    public static final String TENCENT = "tencent";

    static SmsAdapterSettings from(SmsAdapterConfig c) {
        String provider = c.provider().trim().toLowerCase(java.util.Locale.ROOT);
        String endpoint = c.endpoint().isBlank()
                ? (TENCENT.equals(provider) ? "https://sms.tencentcloudapi.com/" : "https://dysmsapi.aliyuncs.com/")
                : c.endpoint().trim();
        return new SmsAdapterSettings(provider, URI.create(endpoint), c.accessKeyId(), c.accessKeySecret(), c.signName(), c.sdkAppId(),
                c.region(), Duration.ofSeconds(Math.max(1, c.connectTimeoutSeconds())), Duration.ofSeconds(Math.max(1, c.requestTimeoutSeconds())));
    }

    /** Host header value as the JDK client sends it (port only when not the scheme's default). */
    String hostHeader() {
        int port = endpoint.getPort();
        return port == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + port;
    }

    String path() {
        String p = endpoint.getRawPath();
        return p == null || p.isEmpty() ? "/" : p;
    }
}
