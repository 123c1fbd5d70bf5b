package org.smartproperty.sim.govidentity.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's deterministic 粤政易 staff users (issue 12 item 6). Synthetic names, phones and
 * mails; the user ids are what the platform binds a staff account to (provider {@code gd-zwy},
 * uid = UserId). Demo data that wants to bind its staff accounts may copy the constants (this
 * package is not exported).
 */
public final class ZwyFixtures {

    /** Bound in the demo data to a REGULATOR account. */
    public static final String REGULATOR = "zwy-regulator";
    /** Bound in the demo data to an OFFICER account. */
    public static final String OFFICER = "zwy-officer";
    /** Bound in the demo data to an INSPECTOR account. */
    public static final String INSPECTOR = "zwy-inspector";
    /** A real 粤政易 user without a platform account: the platform must refuse the login. */
    public static final String UNBOUND = "zwy-unbound";

    /** Department id of the property-management supervision section (物业监管科), synthetic. */
    public static final int DEPT_SUPERVISION = 4404021;
    /** Department id of the law-enforcement inspection team (综合执法队), synthetic. */
    public static final int DEPT_INSPECTION = 4404022;
    /** Department id of a department outside property management (商事服务局), synthetic. */
    public static final int DEPT_OTHER = 4404029;

    /**
     * One staff user as the directory knows them.
     *
     * @param userid       WeCom-style UserId (stable, what getuserinfo answers)
     * @param name         name (zh-CN)
     * @param platformRole the platform role the demo data gives the bound account; null = no account
     * @param label        what the authorize page shows
     */
    public record StaffUser(String userid, String name, String mobile, String email, List<Integer> department,
                            String position, String gender, String platformRole, String label) {

        /** The {@code user/get} answer body (without errcode/errmsg). */
        public Map<String, Object> userGet() {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("userid", userid);
            u.put("name", name);
            u.put("department", department);
            u.put("position", position);
            u.put("mobile", mobile);
            u.put("gender", gender);
            u.put("email", email);
            u.put("status", 1);
            return u;
        }
    }

    private static final List<StaffUser> ALL = List.of(
            new StaffUser(REGULATOR, "梁振华", "13926900001", "liang.zhenhua@example.gov.cn", List.of(DEPT_SUPERVISION),
                    "物业监管科科长", "1", "REGULATOR", "监管人员（物业监管科科长）"),
            new StaffUser(OFFICER, "黄嘉怡", "13926900002", "huang.jiayi@example.gov.cn", List.of(DEPT_SUPERVISION),
                    "物业监管科科员", "2", "OFFICER", "经办人员（物业监管科科员）"),
            new StaffUser(INSPECTOR, "陈国栋", "13926900003", "chen.guodong@example.gov.cn", List.of(DEPT_INSPECTION),
                    "执法检查员", "1", "INSPECTOR", "检查人员（综合执法队）"),
            new StaffUser(UNBOUND, "吴静雯", "13926900004", "wu.jingwen@example.gov.cn", List.of(DEPT_OTHER),
                    "商事服务局科员", "2", null, "未开通平台账号的粤政易用户"));

    private ZwyFixtures() {
    }

    public static List<StaffUser> all() {
        return ALL;
    }

    public static Optional<StaffUser> byUserid(String userid) {
        return ALL.stream().filter(u -> u.userid().equals(userid)).findFirst();
    }
}
