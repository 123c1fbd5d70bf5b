package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;

import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 3 (INT-IDP): the provider callback comes from configuration, never from the Host
 * header. The running platform is probed with a forged Host header in PlatformIT.
 */
class IdpCallbackAddressTest {

    @Test
    void theCallbackIsBuiltFromTheConfiguredPublicBase_INT_IDP() {
        URI base = IdpLoginResource.publicBase("https://wuye.hengqin.gov.cn/");
        assertEquals("https://wuye.hengqin.gov.cn/api/v1/auth/idp/gd-tyrz/callback", IdpLoginResource.callback(base, 8181, "gd-tyrz").toString());
    }

    @Test
    void withoutConfigurationTheNodeItselfOnItsLocalPort() {
        assertNull(IdpLoginResource.publicBase(""));
        assertEquals("http://localhost:40123/api/v1/auth/idp/gd-tyrz/callback", IdpLoginResource.callback(null, 40123, "gd-tyrz").toString());
    }

    @Test
    void aBaseThatIsNoAbsoluteHttpUrlIsRefused() {
        assertNull(IdpLoginResource.publicBase("evil.example"));
        assertNull(IdpLoginResource.publicBase("javascript:alert(1)"));
        assertNull(IdpLoginResource.publicBase("https://a.example/?next=http://evil.example"));
    }
}
