package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;

/**
 * Issue 18: the mini program's own API modules (miniprogram/src/utils/api.js, auth.js, workflow.js, handoff.js) drive this
 * container under Node through a {@code wx} over fetch — {@code miniprogram/test/contract/run.mjs}: wx.login's code through
 * the WeChat simulator ({@code spm.it.wechat.port}) to POST /auth/wechat/session, the binding of demo-owner, a repair filed
 * with a photo and read back with its timeline, a MINI_PROGRAM complaint, a ballot on the owner's open vote with its receipt,
 * (when the demo owner may still cast there), the subscription message in the simulator and the unbinding that leaves the
 * container as found (OWN-2..5, INT-WX). The script's real-name part runs in {@code miniprogram/test/contract/standalone.sh}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class MiniProgramContractIT extends SpmTestSupport {

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
        await("/repairs?size=1", r -> r.statusCode() == 200, Duration.ofSeconds(120));
    }

    @Test
    public void theMiniProgramsApiCallsLogInFileARepairWithAPhotoCastABallotAndGetTheMessage_issue18_OWN_3_OWN_4_INT_WX() throws Exception {
        File itests = new File(System.getProperty("spm.it.itests.dir"));
        File contract = new File(itests, "../miniprogram/test/contract").getCanonicalFile();
        assertTrue("the mini program's contract script is missing at " + contract, new File(contract, "run.mjs").isFile());
        File logs = new File(itests, "target/screenshots");
        Files.createDirectories(logs.toPath());
        File log = new File(logs, "miniprogram-contract.log");
        String root = root();
        String simulator = "http://127.0.0.1:" + System.getProperty("spm.it.wechat.port");
        // --no-idp: IdentityBindingIT needs the provincial simulator's people unverified when it starts, and the shared
        // container runs the classes in no fixed order; WechatIT binds through the real-name handoff (as gdsim-macao) instead
        Process node = new ProcessBuilder(List.of("node", "run.mjs", root, simulator, "--require-message", "--no-idp"))
                .directory(contract).redirectErrorStream(true).redirectOutput(log).start();
        node.getOutputStream().close();
        boolean finished = node.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertTrue("the contract did not finish in 120 s:\n" + output, finished);
        assertEquals("the mini program's contract failed:\n" + output, 0, node.exitValue());
        assertTrue(output, output.matches("(?s).*\\b[1-9]\\d* passed, 0 failed.*"));
    }
}
