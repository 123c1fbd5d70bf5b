package org.smartproperty.adapter.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** INT-SMS: the providers' signatures against their published examples. */
class SmsSigningTest {

    /** Alibaba Cloud SMS documentation, "签名机制" example (testId / testSecret). */
    @Test
    void aliyunSignatureV1MatchesTheDocumentedSendSmsExample_INT_SMS() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccessKeyId", "testId");
        p.put("Action", "SendSms");
        p.put("Format", "XML");
        p.put("OutId", "123");
        p.put("PhoneNumbers", "15300000001");
        p.put("RegionId", "cn-hangzhou");
        p.put("SignName", "阿里云短信测试专用");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
        p.put("SignatureVersion", "1.0");
        p.put("TemplateCode", "SMS_71390007");
        p.put("TemplateParam", "{\"customer\":\"test\"}");
        p.put("Timestamp", "2017-07-12T02:42:19Z");
        p.put("Version", "2017-05-25");
        assertEquals("GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001"
                + "%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1"
                + "%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D"
                + "45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007%26TemplateParam%3D"
                + "%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25",
                SmsSigning.aliyunStringToSign("GET", p));
        assertEquals("zJDF+Lrzhj/ThnlvIToysFRq6t4=", SmsSigning.aliyunSignature("GET", p, "testSecret"));
        p.put("Signature", "ignored");
        assertEquals("zJDF+Lrzhj/ThnlvIToysFRq6t4=", SmsSigning.aliyunSignature("GET", p, "testSecret"));
    }

    @Test
    void popPercentEncoding() {
        assertEquals("a%20b%2A~%2F", SmsSigning.percentEncode("a b*~/"));
    }

    /** Tencent Cloud API 3.0 signature v3 documentation example (cvm DescribeInstances, 1551113065). */
    @Test
    void tc3SignatureMatchesTheDocumentedExample_INT_SMS() {
        String payload = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";
        assertEquals("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064", SmsSigning.sha256Hex(payload));
        String canonical = SmsSigning.tc3CanonicalRequest("/", "cvm.tencentcloudapi.com", payload);
        assertEquals("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
                SmsSigning.tc3StringToSign(1551113065L, "cvm", canonical));
        assertEquals("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
                        + "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
                SmsSigning.tc3Authorization("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", 1551113065L, "cvm", "/",
                        "cvm.tencentcloudapi.com", payload));
    }
}
