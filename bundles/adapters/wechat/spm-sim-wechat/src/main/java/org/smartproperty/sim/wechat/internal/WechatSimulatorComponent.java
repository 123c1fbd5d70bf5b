package org.smartproperty.sim.wechat.internal;

import java.io.IOException;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the {@link WechatSimulator} inside Karaf (feature spm-dev); a configuration change restarts it. */
@Component(immediate = true, service = {}, configurationPid = "org.smartproperty.sim.wechat",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WechatSimulatorConfig.class)
public class WechatSimulatorComponent {

    private static final Logger LOG = LoggerFactory.getLogger(WechatSimulatorComponent.class);

    private WechatSimulator simulator;

    @Activate
    void activate(WechatSimulatorConfig config) throws IOException {
        WechatSimulator sim = new WechatSimulator(config.bindAddress(), config.appId(), config.secret(), config.tokenTtlSeconds(),
                config.slowMillis());
        try {
            sim.mode(WechatSimulator.Mode.valueOf(config.mode().trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            LOG.warn("Unknown WeChat simulator mode '{}', using NORMAL", config.mode());
        }
        try {
            sim.start(config.port());
        } catch (IOException e) {
            LOG.error("WeChat simulator cannot listen on {}:{} ({}); set port in PID org.smartproperty.sim.wechat",
                    config.bindAddress(), config.port(), e.toString());
            throw e;
        }
        simulator = sim;
        LOG.warn("SIMULATED WeChat API (development only) on {} for appid {}, mode {}", sim.baseUri(), config.appId(), sim.mode());
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
        }
    }
}
