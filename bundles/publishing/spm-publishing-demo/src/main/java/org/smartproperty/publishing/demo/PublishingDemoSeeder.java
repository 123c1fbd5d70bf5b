package org.smartproperty.publishing.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoSeeder;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.publishing.Notice;
import org.smartproperty.publishing.NoticeInput;
import org.smartproperty.publishing.Policy;
import org.smartproperty.publishing.PolicyInput;
import org.smartproperty.publishing.PolicyLevel;
import org.smartproperty.publishing.PublishingService;

/**
 * The publishing domain's demo data, through {@link PublishingService}: the main property-management laws and regulations
 * (titles, issuers and numbers are public facts; the texts are short summaries, never invented full texts), the regulator's
 * zone-wide notices (one scheduled), and estate notices in the demo owner's estate: a current water cut by demo-company, a
 * committee's rules notice waiting for the regulator's review. Deterministic; idempotent (nothing when any policy exists).
 */
@Component(service = DemoSeeder.class)
public class PublishingDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(PublishingDemoSeeder.class);

    @Reference
    PublishingService service;
    @Reference
    AccountDirectory directory;
    @Reference
    EstateService estates;

    @Override
    public String name() {
        return "publishing";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS);
    }

    private SpmPrincipal principal(String username, Role role, DataScope scope, String... permissions) {
        long id = directory.accountsWithRole(role).stream().filter(a -> a.username().equals(username)).map(AccountDirectory.Contact::accountId)
                .findFirst().orElse(0L);
        return new SpmPrincipal(id, username, Set.of(role), Set.of(permissions), scope, false, "127.0.0.1");
    }

    @Override
    public void seed(DemoContext context) {
        SpmPrincipal regulator = principal("demo-regulator", Role.REGULATOR, DataScope.ALL, "publishing:read", "publishing:manage", "publishing:review");
        if (service.policies(regulator, null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        policy(regulator, PolicyLevel.NATIONAL, "国务院", "国务院令第379号", "物业管理条例", LocalDate.of(2003, 9, 1),
                "规范物业管理活动，维护业主和物业服务企业的合法权益：业主及业主大会、业主委员会，前期物业管理，物业管理服务，物业的使用与维护，法律责任。"
                        + "（摘要；全文以国务院公布的文本为准，2007、2016、2018年修订。）");
        policy(regulator, PolicyLevel.NATIONAL, "全国人民代表大会", "中华人民共和国主席令第四十五号", "中华人民共和国民法典 第二编 物权 第六章 业主的建筑物区分所有权",
                LocalDate.of(2021, 1, 1), "第二百七十一条至第二百八十七条：业主对专有部分的所有权、对共有部分的共有和共同管理的权利；业主大会和业主委员会；"
                        + "由业主共同决定的事项及其表决规则（第二百七十八条）；物业服务企业的委托。（摘要；全文以官方公布的文本为准。）");
        policy(regulator, PolicyLevel.NATIONAL, "国家发展改革委、建设部", "发改价格〔2003〕1864号", "物业服务收费管理办法", LocalDate.of(2004, 1, 1),
                "物业服务收费的原则、定价形式（政府指导价与市场调节价）、包干制与酬金制、收费公示。（摘要；全文以官方公布的文本为准。）");
        policy(regulator, PolicyLevel.PROVINCIAL, "广东省人民代表大会常务委员会", null, "广东省物业管理条例", LocalDate.of(2021, 1, 1),
                "广东省行政区域内的物业管理活动：业主组织、前期物业管理、物业服务、物业的使用维护、监督管理。（摘要；全文以广东省人大常委会公布的文本为准。）");
        policy(regulator, PolicyLevel.CITY, "珠海市人民代表大会常务委员会", null, "珠海经济特区物业管理条例", LocalDate.of(2019, 1, 1),
                "珠海经济特区的物业管理：业主大会和业主委员会、物业服务企业、物业服务收费、专项维修资金、监督管理。（摘要；施行日期与全文以珠海市人大常委会公布的文本为准。）");

        Instant now = context.clock().instant();
        Notice zone = service.createNotice(regulator, new NoticeInput("GENERAL", "关于开展物业服务满意度调查的通知",
                "合作区将于本季度开展物业服务满意度调查，请各小区业主通过业主门户参与。", List.of(), false, null, null, null, null, null));
        service.submitNotice(regulator, zone.id(), zone.version());
        Notice safety = service.createNotice(regulator, new NoticeInput("SAFETY", "台风季节安全防范提示",
                "台风季节请检查门窗、阳台花盆等易坠物，物业服务企业应加强巡查。", List.of(), false, null, null, null, now.plus(Duration.ofDays(30)), null));
        service.submitNotice(regulator, safety.id(), safety.version());
        Notice later = service.createNotice(regulator, new NoticeInput("GENERAL", "关于物业服务企业信用信息报送的通知",
                "请各物业服务企业按期报送信用信息。", List.of(), false, null, null, now.plus(Duration.ofDays(3)), null, null));
        service.submitNotice(regulator, later.id(), later.version());

        int estateNotices = 0;
        Estate estate = context.demoOwnerHouse().map(h -> estates.get(DataScope.ALL, estates.house(DataScope.ALL, h.unitCode()).estateId()))
                .orElse(context.estates().isEmpty() ? null : context.estates().get(0));
        if (estate != null && estate.companyId() != null) {
            SpmPrincipal company = principal("demo-company", Role.COMPANY, DataScope.company(estate.companyId()), "publishing:read", "publishing:notice");
            Instant start = now.minus(Duration.ofHours(1));
            Notice cut = service.createNotice(company, new NoticeInput("WATER_CUT", estate.name() + "停水通知",
                    "因二次供水设施清洗消毒，小区暂停供水，请业主提前储水。", List.of(estate.id()), true, start, start.plus(Duration.ofHours(6)),
                    null, start.plus(Duration.ofHours(8)), null));
            service.submitNotice(company, cut.id(), cut.version());
            Notice power = service.createNotice(company, new NoticeInput("POWER_CUT", estate.name() + "计划停电通知",
                    "配电房检修，届时电梯和公共照明暂停使用。", List.of(estate.id()), false, now.plus(Duration.ofDays(2)),
                    now.plus(Duration.ofDays(2)).plus(Duration.ofHours(4)), null, now.plus(Duration.ofDays(3)), null));
            service.submitNotice(company, power.id(), power.version());
            SpmPrincipal committee = principal("demo-committee", Role.COMMITTEE, DataScope.committee(estate.id()), "publishing:read", "publishing:notice");
            Notice rules = service.createNotice(committee, new NoticeInput("RULES", estate.name() + "装修管理规定（征求意见稿）",
                    "装修施工时间为工作日8:00-12:00、14:00-18:00，节假日不得进行产生噪声的施工。", List.of(estate.id()), false, null, null, null, null, null));
            service.submitNotice(committee, rules.id(), rules.version()); // waits for the regulator's review
            estateNotices = 3;
        }
        LOG.info("Demo publishing: 5 policies, 3 regulator notices, {} estate notices", estateNotices);
    }

    private void policy(SpmPrincipal regulator, PolicyLevel level, String issuer, String number, String title, LocalDate effective, String summary) {
        Policy p = service.createPolicy(regulator, new PolicyInput(level, issuer, number, title, summary, null, effective, null, null));
        service.publishPolicy(regulator, p.id(), p.version());
    }
}
