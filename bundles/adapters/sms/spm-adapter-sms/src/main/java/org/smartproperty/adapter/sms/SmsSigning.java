package org.smartproperty.adapter.sms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Request signatures of the two providers (public so the simulator checks them with the same code):
 * Alibaba Cloud RPC signature v1 (HMAC-SHA1 over the sorted, percent-encoded parameters) and
 * Tencent Cloud TC3-HMAC-SHA256.
 */
public final class SmsSigning {

    public static final String TC3 = "TC3-HMAC-SHA256";
    public static final String TC3_CONTENT_TYPE = "application/json; charset=utf-8";

    private SmsSigning() {
    }

    /** Alibaba's POP percent-encoding: RFC 3986 unreserved kept, space %20, '*' %2A, '~' kept. */
    public static String percentEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /** The sorted, encoded query without Signature. */
    public static String aliyunCanonicalQuery(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream().filter(e -> !"Signature".equals(e.getKey()))
                .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue())).collect(Collectors.joining("&"));
    }

    public static String aliyunStringToSign(String method, Map<String, String> params) {
        return method + "&" + percentEncode("/") + "&" + percentEncode(aliyunCanonicalQuery(params));
    }

    /** Base64(HMAC-SHA1(secret + "&", StringToSign)). */
    public static String aliyunSignature(String method, Map<String, String> params, String accessKeySecret) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", (accessKeySecret + "&").getBytes(StandardCharsets.UTF_8),
                aliyunStringToSign(method, params)));
    }

    public static String aliyunTimestamp(Instant t) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC).format(t);
    }

    public static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** TC3 canonical request of a POST with JSON body, signing content-type and host. */
    public static String tc3CanonicalRequest(String path, String host, String payload) {
        return "POST\n" + path + "\n\n" + "content-type:" + TC3_CONTENT_TYPE + "\nhost:" + host + "\n\n" + "content-type;host\n" + sha256Hex(payload);
    }

    public static String tc3Date(long timestamp) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(Instant.ofEpochSecond(timestamp));
    }

    public static String tc3StringToSign(long timestamp, String service, String canonicalRequest) {
        return TC3 + "\n" + timestamp + "\n" + tc3Date(timestamp) + "/" + service + "/tc3_request\n" + sha256Hex(canonicalRequest);
    }

    public static String tc3Signature(String secretKey, long timestamp, String service, String canonicalRequest) {
        byte[] date = hmac("HmacSHA256", ("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), tc3Date(timestamp));
        byte[] svc = hmac("HmacSHA256", date, service);
        byte[] signing = hmac("HmacSHA256", svc, "tc3_request");
        return HexFormat.of().formatHex(hmac("HmacSHA256", signing, tc3StringToSign(timestamp, service, canonicalRequest)));
    }

    /** The Authorization header value. */
    public static String tc3Authorization(String secretId, String secretKey, long timestamp, String service, String path, String host, String payload) {
        String sig = tc3Signature(secretKey, timestamp, service, tc3CanonicalRequest(path, host, payload));
        return TC3 + " Credential=" + secretId + "/" + tc3Date(timestamp) + "/" + service + "/tc3_request, SignedHeaders=content-type;host, Signature=" + sig;
    }

    private static byte[] hmac(String alg, byte[] key, String msg) {
        try {
            Mac mac = Mac.getInstance(alg);
            mac.init(new SecretKeySpec(key, alg));
            return mac.doFinal(msg.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
