package org.smartproperty.sim.identity.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's deterministic identities (INT-IDP). All numbers are synthetic but pass their
 * document's check rule (mainland ID check digit, HKID check digit, unified social credit code
 * check character). See the module README for the table.
 *
 * <p>Wire values are kept as the gateway would send them: {@code isreal} and
 * {@code creditable_level_of_account} are JSON booleans/numbers for most fixtures and strings
 * ({@code "1"}, {@code "3"}) for the Hong Kong resident, because the real platform's types are not
 * documented and an adapter must accept both.
 */
public final class IdpFixtures {

    /** usertype of a natural person (simulator's assumption, see README). */
    public static final String NATURAL_PERSON = "1";
    /** usertype of a legal person (simulator's assumption, see README). */
    public static final String LEGAL_PERSON = "2";

    public static final String MAINLAND = "gdsim-mainland";
    public static final String MACAO = "gdsim-macao";
    public static final String HONG_KONG = "gdsim-hongkong";
    public static final String LEGAL = "gdsim-legal";
    /** A legal person whose credit code is the first demo estate's developer (spm-developer-demo, issue 12 item 4). */
    public static final String DEVELOPER = "gdsim-developer";
    public static final String UNVERIFIED = "gdsim-unverified";
    public static final String LOW_TRUST = "gdsim-lowtrust";

    /**
     * One fixture identity.
     *
     * @param label   what the login page shows (zh-CN)
     * @param isreal  wire value: Boolean or String
     * @param level   wire value of creditable_level_of_account: Integer or String
     * @param pareobj the gateway's {@code pareobj} (the legal person's agent; empty for natural persons)
     */
    public record Fixture(String uid, String label, String cn, String idcardtype, String idcardnumber,
                          String telephonenumber, String mail, Object isreal, String usertype, Object level,
                          List<String> extproperties, Map<String, Object> pareobj) {

        /** Trust level as a number (for {@code user_creditable_level}). */
        public int trustLevel() {
            return Integer.parseInt(String.valueOf(level));
        }

        /** The {@code userobj} as tokeninfo sends it. */
        public Map<String, Object> userobj() {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("uid", uid);
            u.put("cn", cn);
            u.put("idcardtype", idcardtype);
            u.put("idcardnumber", idcardnumber);
            u.put("telephonenumber", telephonenumber);
            u.put("mail", mail);
            u.put("isreal", isreal);
            u.put("usertype", usertype);
            u.put("creditable_level_of_account", level);
            u.put("extproperties", extproperties);
            return u;
        }
    }

    private static final List<Fixture> ALL = List.of(
            new Fixture(MAINLAND, "内地居民（居民身份证）", "陈志明", "111", "440402199003071232", "13800000001",
                    "chen.zhiming@example.com", true, NATURAL_PERSON, 3,
                    List.of("authmethod=face", "region=440402"), Map.of()),
            new Fixture(MACAO, "澳门居民（澳门居民身份证）", "何嘉欣", "516", "1512034(6)", "+85366123456",
                    "ho.kayan@example.mo", true, NATURAL_PERSON, 4,
                    List.of("authmethod=face", "region=MO", "nationality=CHN"), Map.of()),
            new Fixture(HONG_KONG, "香港居民（香港身份证）", "黃家明", "516", "A123456(3)", "+85291234567",
                    "wong.kaming@example.hk", "1", NATURAL_PERSON, "3",
                    List.of("authmethod=face", "region=HK"), Map.of()),
            new Fixture(LEGAL, "法人账号（统一社会信用代码）", "珠海横琴示例物业服务有限公司", "001", "91440400MA4W3K7B97",
                    "07568880001", "service@example.com", true, LEGAL_PERSON, 4,
                    List.of("authmethod=ca", "legalrep=王建国"), agent()),
            new Fixture(DEVELOPER, "法人账号（开发建设单位）", "珠海横琴示例开发建设单位", "001", "91440400MA4XKD3H7K",
                    "07568880002", "develop@example.com", true, LEGAL_PERSON, 4,
                    List.of("authmethod=ca", "legalrep=李国华"), agent()),
            new Fixture(UNVERIFIED, "未实名账号（isreal=false）", "林小雨", "111", "440402200002293568", "13800000005",
                    "lin.xiaoyu@example.com", false, NATURAL_PERSON, 3,
                    List.of("authmethod=password"), Map.of()),
            new Fixture(LOW_TRUST, "低可信等级账号（可信等级 1）", "张伟", "111", "440402198811160677", "13800000006",
                    "zhang.wei@example.com", true, NATURAL_PERSON, 1,
                    List.of("authmethod=sms"), Map.of()));

    private IdpFixtures() {
    }

    private static Map<String, Object> agent() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("uid", "gdsim-legal-agent");
        a.put("cn", "王建国");
        a.put("idcardtype", "111");
        a.put("idcardnumber", "44030519680815211X");
        a.put("telephonenumber", "13800000004");
        a.put("role", "legal_representative");
        return a;
    }

    public static List<Fixture> all() {
        return ALL;
    }

    public static Optional<Fixture> byUid(String uid) {
        return ALL.stream().filter(f -> f.uid().equals(uid)).findFirst();
    }
}
