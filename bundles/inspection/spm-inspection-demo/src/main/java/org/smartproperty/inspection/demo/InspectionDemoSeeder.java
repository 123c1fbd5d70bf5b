package org.smartproperty.inspection.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.dev.demodata.DemoCallers;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoSeeder;
import org.smartproperty.estate.Estate;
import org.smartproperty.inspection.CheckItemInput;
import org.smartproperty.inspection.Draw;
import org.smartproperty.inspection.DrawMode;
import org.smartproperty.inspection.DrawRule;
import org.smartproperty.inspection.InspectObjectInput;
import org.smartproperty.inspection.InspectionService;
import org.smartproperty.inspection.InspectorInput;
import org.smartproperty.inspection.LibraryQuery;
import org.smartproperty.inspection.Outcome;
import org.smartproperty.inspection.ResultInput;
import org.smartproperty.inspection.RiskLevel;
import org.smartproperty.inspection.Target;
import org.smartproperty.inspection.Task;
import org.smartproperty.inspection.TaskInput;
import org.smartproperty.inspection.Tie;
import org.smartproperty.inspection.TieKind;
import org.smartproperty.inspection.UnitKind;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The double-random spot checks' demo data (issue 14): eight check items of a Zhuhai property-management power list,
 * the demo estates and their property companies as inspectable objects with risk levels, eight inspectors of the
 * bureau and of authorised bodies (demo-inspector's account among them, some with conflicts of interest), one
 * PUBLISHED task with results (two FAILs, which report credit signals) and one DRAWN task in progress. Everything goes
 * through {@link InspectionService} as demo-regulator. Idempotent: nothing is seeded once the check-item library has
 * any item. Deterministic in its libraries and steps; which objects and inspectors are drawn follows the seeds the
 * service generates (SecureRandom, DR-2), so the results are recorded for whatever was drawn.
 */
@Component(service = DemoSeeder.class)
public class InspectionDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(InspectionDemoSeeder.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String AUTHORITY = "珠海市横琴粤澳深度合作区城市规划和建设局";

    /** code, name, legal basis, method, target. */
    static final List<String[]> ITEMS = List.of(
            new String[] {"ZHWY-01", "物业服务企业信息公示情况", "《物业管理条例》第三十二条；《广东省物业管理条例》第四十九条", "查阅公示栏及线上公示", "COMPANY"},
            new String[] {"ZHWY-02", "物业服务合同签订及备案情况", "《物业管理条例》第三十四条、第三十五条", "查阅合同及备案材料", "COMPANY"},
            new String[] {"ZHWY-03", "物业服务收费明码标价情况", "《物业服务收费管理办法》第八条；《物业管理条例》第四十一条", "查阅收费公示及票据", "COMPANY"},
            new String[] {"ZHWY-04", "承接查验及资料移交情况", "《物业管理条例》第二十八条、第二十九条", "查阅承接查验记录", "COMPANY"},
            new String[] {"ZHWY-11", "共用部位、共用设施设备维修养护情况", "《物业管理条例》第五十五条、第五十六条", "现场查看及查阅维保记录", "ESTATE"},
            new String[] {"ZHWY-12", "消防设施维护及消防通道畅通情况", "《物业管理条例》第四十六条；《中华人民共和国消防法》第十八条", "现场查看", "ESTATE"},
            new String[] {"ZHWY-13", "电梯等特种设备维护保养情况", "《特种设备安全法》第三十九条；《物业管理条例》第五十五条", "查阅维保记录及现场查看", "ESTATE"},
            new String[] {"ZHWY-14", "专项维修资金使用公示情况", "《物业管理条例》第五十三条、第五十四条", "查阅公示及使用记录", "ESTATE"});

    @Reference
    InspectionService service;
    @Reference
    AccountDirectory directory;

    @Override
    public String name() {
        return "inspection";
    }

    /** After the estates, the companies and the demo accounts (demo-inspector); after credit when it is installed (FAIL signals). */
    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS, "company", "credit");
    }

    @Override
    public void seed(DemoContext context) {
        Optional<SpmPrincipal> found = DemoCallers.as(directory, Role.REGULATOR, "demo-regulator", DataScope.ALL,
                "inspection:read", "inspection:plan", "inspection:record");
        List<Estate> estates = context.estates().stream().filter(e -> e.companyId() != null).toList();
        if (found.isEmpty() || estates.isEmpty() || service.items(found.get(), LibraryQuery.all(), PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        SpmPrincipal regulator = found.get();
        List<Long> companyItems = new ArrayList<>();
        List<Long> estateItems = new ArrayList<>();
        for (String[] i : ITEMS) {
            Target target = Target.valueOf(i[4]);
            long id = service.createItem(regulator, new CheckItemInput(i[0], i[1], i[2], i[3], target, true)).id();
            (target == Target.COMPANY ? companyItems : estateItems).add(id);
        }
        RiskLevel[] levels = {RiskLevel.HIGH, RiskLevel.NORMAL, RiskLevel.ELEVATED, RiskLevel.NORMAL, RiskLevel.LOW, RiskLevel.HIGH};
        Map<Long, String> companies = new LinkedHashMap<>();
        int n = 0;
        for (Estate e : estates) {
            companies.putIfAbsent(e.companyId(), e.companyName() == null ? "物业服务企业 " + e.companyId() : e.companyName());
            service.createObject(regulator, new InspectObjectInput(Target.ESTATE, e.id(), e.name(), e.companyId(), levels[n++ % levels.length], true));
        }
        n = 0;
        for (Map.Entry<Long, String> c : companies.entrySet()) {
            service.createObject(regulator, new InspectObjectInput(Target.COMPANY, c.getKey(), c.getValue(), null, levels[(n++ + 2) % levels.length], true));
        }
        LocalDate today = LocalDate.ofInstant(context.clock().instant(), ZONE);
        long first = companies.keySet().iterator().next();
        String bureau = "横琴粤澳深度合作区城市规划和建设局物业监管科";
        seedInspector(regulator, "陈志明", bureau, UnitKind.BUREAU, "demo-inspector", List.of());
        seedInspector(regulator, "李晓华", bureau, UnitKind.BUREAU, null, List.of(new Tie(first, TieKind.RELATED, LocalDate.of(2018, 5, 1), null)));
        seedInspector(regulator, "黄文杰", bureau, UnitKind.BUREAU, null,
                List.of(new Tie(first, TieKind.FORMER_EMPLOYER, LocalDate.of(2016, 3, 1), today.minusYears(1))));
        seedInspector(regulator, "梁美玲", bureau, UnitKind.BUREAU, null,
                List.of(new Tie(first, TieKind.FORMER_EMPLOYER, LocalDate.of(2012, 7, 1), today.minusYears(6))));
        seedInspector(regulator, "何嘉欣", "珠海市物业管理行业协会", UnitKind.AUTHORISED, null, List.of());
        seedInspector(regulator, "周国强", "珠海市物业管理行业协会", UnitKind.AUTHORISED, null,
                List.of(new Tie(first, TieKind.EMPLOYER, LocalDate.of(2021, 9, 1), null)));
        seedInspector(regulator, "吴思远", "广东省建设工程质量安全检测中心", UnitKind.AUTHORISED, null, List.of());
        seedInspector(regulator, "郑雅婷", "广东省建设工程质量安全检测中心", UnitKind.AUTHORISED, null, List.of());
        if (!context.running()) {
            return;
        }

        // a published task: drawn, every drawn object checked on every item (two FAILs), finished and published
        Task done = service.createTask(regulator, new TaskInput("2026年度物业服务企业双随机抽查（第三季度）", AUTHORITY, Target.COMPANY, companyItems,
                today.minusDays(60), today.minusDays(55), today.minusDays(30),
                new DrawRule(DrawMode.COUNT, Map.of(RiskLevel.HIGH, BigDecimal.ONE, RiskLevel.ELEVATED, BigDecimal.ONE,
                        RiskLevel.NORMAL, BigDecimal.ONE)), 2));
        done = service.draw(regulator, done.id(), done.version(), "按年度抽查计划抽取");
        Draw d = service.drawList(regulator, done.id());
        int fails = 0;
        for (Draw.DrawnObject o : d.objects()) {
            for (int i = 0; i < companyItems.size(); i++) {
                boolean fail = fails < 2 && i == 1 + fails;
                Outcome outcome = fail ? Outcome.FAIL : i == companyItems.size() - 1 ? Outcome.NOT_APPLICABLE : Outcome.PASS;
                fails += fail ? 1 : 0;
                service.recordResult(regulator, done.id(), new ResultInput(o.objectId(), companyItems.get(i), outcome,
                        fail ? "现场检查发现问题，已责令限期整改" : null, null));
            }
        }
        done = service.finish(regulator, done.id(), done.version(), "检查结束");
        service.publish(regulator, done.id(), done.version(), "结果公示");

        // a drawn task in progress: one result recorded
        Task open = service.createTask(regulator, new TaskInput("2026年第四季度住宅小区共用设施设备专项抽查", AUTHORITY, Target.ESTATE, estateItems,
                today.minusDays(5), today.minusDays(3), today.plusDays(25),
                new DrawRule(DrawMode.RATIO, Map.of(RiskLevel.HIGH, new BigDecimal("0.3"), RiskLevel.ELEVATED, new BigDecimal("0.1"),
                        RiskLevel.NORMAL, new BigDecimal("0.02"))), 2));
        open = service.draw(regulator, open.id(), open.version(), "专项抽查抽取");
        Draw od = service.drawList(regulator, open.id());
        if (!od.objects().isEmpty()) {
            service.recordResult(regulator, open.id(), new ResultInput(od.objects().get(0).objectId(), estateItems.get(0), Outcome.PASS,
                    "维保记录齐全", null));
        }
        LOG.info("Demo inspections: {} check items, {} objects, 8 inspectors, tasks {} (published) and {} (drawn)", ITEMS.size(),
                estates.size() + companies.size(), done.number(), open.number());
    }

    private void seedInspector(SpmPrincipal regulator, String name, String unit, UnitKind kind, String account, List<Tie> ties) {
        service.createInspector(regulator, new InspectorInput(name, unit, kind, account, ties, true));
    }
}
