package org.smartproperty.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void theContentSecurityPolicyAllowsNoInlineScript() {
        String csp = SecurityHeaders.CSP;
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertFalse(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")))
                .contains("unsafe"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", SecurityHeaders.HEADERS.get("X-Frame-Options"));
        assertEquals("nosniff", SecurityHeaders.HEADERS.get("X-Content-Type-Options"));
    }

    @Test
    void everyHeaderIsSetOnTheAnswer() {
        FakeHttp.Answer answer = new FakeHttp.Answer();
        SecurityHeaders.apply(answer.response());
        assertEquals(SecurityHeaders.HEADERS, Map.copyOf(answer.headers));
    }
}
