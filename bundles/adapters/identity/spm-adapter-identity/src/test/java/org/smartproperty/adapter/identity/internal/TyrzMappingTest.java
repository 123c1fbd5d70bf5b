package org.smartproperty.adapter.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartproperty.platform.security.ExternalIdentity;
import org.smartproperty.platform.security.IdentityProviderException;

/** INT-IDP: tokeninfo → ExternalIdentity for the shapes the gateway may send. */
class TyrzMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    private static ExternalIdentity map(String userobj, String rest) throws Exception {
        return TyrzClient.toIdentity(json("{'userobj':" + userobj + (rest.isEmpty() ? "" : "," + rest) + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "'true'", "'TRUE'", "'1'", "1", "' true '"})
    void isrealAcceptsBooleanTrueAndTheStringsTrueAndOne_INT_IDP(String v) throws Exception {
        assertTrue(map("{'uid':'u','isreal':" + v + "}", "").real());
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "'false'", "'0'", "0", "null", "'yes'", "''"})
    void isrealIsFalseForAnythingElse_INT_IDP(String v) throws Exception {
        assertFalse(map("{'uid':'u','isreal':" + v + "}", "").real());
    }

    @Test
    void missingIsrealIsNotReal_INT_IDP() throws Exception {
        assertFalse(map("{'uid':'u'}", "").real());
    }

    @Test
    void trustLevelIsTheAccountLevelElseUserCreditableLevelElseZero_INT_IDP() throws Exception {
        assertEquals(4, map("{'uid':'u','creditable_level_of_account':4}", "'user_creditable_level':2").trustLevel());
        assertEquals(3, map("{'uid':'u','creditable_level_of_account':'3'}", "'user_creditable_level':2").trustLevel());
        assertEquals(2, map("{'uid':'u'}", "'user_creditable_level':2").trustLevel());
        assertEquals(2, map("{'uid':'u','creditable_level_of_account':'high'}", "'user_creditable_level':'2'").trustLevel());
        assertEquals(0, map("{'uid':'u'}", "").trustLevel());
    }

    @Test
    void extpropertiesSplitAtTheFirstEqualsSign_INT_IDP() throws Exception {
        ExternalIdentity id = map("{'uid':'u','extproperties':['a=1','b=x=y','flag','=orphan','a=2',null]}", "");
        assertEquals(Map.of("a", "2", "b", "x=y", "flag", ""), id.ext());
    }

    @Test
    void extpropertiesAsObjectOrAbsent_INT_IDP() throws Exception {
        assertEquals(Map.of("a", "1", "n", "2", "z", ""), map("{'uid':'u','extproperties':{'a':'1','n':2,'z':null}}", "").ext());
        assertEquals(Map.of(), map("{'uid':'u'}", "").ext());
        assertEquals(Map.of(), map("{'uid':'u','extproperties':null}", "").ext());
    }

    @Test
    void userobjSentAsAJsonStringIsRead_INT_IDP() throws Exception {
        JsonNode info = JSON.createObjectNode().put("userobj", "{\"uid\":\"u9\",\"cn\":\"何嘉欣\",\"isreal\":\"1\"}");
        ExternalIdentity id = TyrzClient.toIdentity(info);
        assertEquals("u9", id.uid());
        assertEquals("何嘉欣", id.name());
        assertTrue(id.real());
    }

    @Test
    void numbersAndNullsInTextFieldsAreKeptAsSent_INT_IDP() throws Exception {
        ExternalIdentity id = map("{'uid':12345,'idcardnumber':440402199003071232,'mail':null,'usertype':1}", "");
        assertEquals("12345", id.uid());
        assertEquals("440402199003071232", id.idNumber());
        assertNull(id.email());
        assertNull(id.phone());
        assertEquals("1", id.userType());
        assertEquals("gd-tyrz", id.provider());
    }

    @Test
    void missingUserobjOrUidIsProtocol_INT_IDP() throws Exception {
        assertEquals("protocol", assertThrows(IdentityProviderException.class, () -> TyrzClient.toIdentity(json("{}"))).errcode());
        assertEquals("protocol", assertThrows(IdentityProviderException.class, () -> map("[]", "")).errcode());
        assertEquals("protocol", assertThrows(IdentityProviderException.class, () -> map("{'uid':' '}", "")).errcode());
        assertEquals("protocol", assertThrows(IdentityProviderException.class,
                () -> TyrzClient.toIdentity(JSON.createObjectNode().put("userobj", "not json"))).errcode());
    }

    @Test
    void providerErrorIsNonZeroErrcodeOrOauthError_INT_IDP() throws Exception {
        assertNull(TyrzClient.providerError(json("{'errcode':0,'access_token':'t'}")));
        assertNull(TyrzClient.providerError(json("{'errcode':'0'}")));
        assertNull(TyrzClient.providerError(json("{'errcode':null}")));
        assertEquals("40029", TyrzClient.providerError(json("{'errcode':40029}")));
        assertEquals("-1", TyrzClient.providerError(json("{'errcode':-1}")));
        assertEquals("invalid_grant", TyrzClient.providerError(json("{'error':'invalid_grant'}")));
    }
}
