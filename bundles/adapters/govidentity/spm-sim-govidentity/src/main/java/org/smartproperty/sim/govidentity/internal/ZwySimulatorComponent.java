package org.smartproperty.sim.govidentity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ZwySimulator} inside Karaf (feature spm-dev). A configuration change restarts it
 * (DS deactivates and re-activates the component); codes, tokens and nonces are lost then.
 */
@Component(immediate = true, service = {}, configurationPid = "org.smartproperty.sim.govidentity",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ZwySimulatorConfig.class)
public class ZwySimulatorComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ZwySimulatorComponent.class);

    private ZwySimulator simulator;

    @Activate
    void activate(ZwySimulatorConfig config) throws IOException {
        ZwySimulator.Settings settings = new ZwySimulator.Settings(config.bindAddress(), config.corpId(), config.corpSecret(),
                config.agentId(), config.paasId(), config.paasToken(), config.tokenTtlSeconds(),
                Duration.ofSeconds(config.timestampWindowSeconds()), Clock.systemUTC());
        ZwySimulator sim = new ZwySimulator(settings);
        try {
            sim.start(config.port());
        } catch (IOException e) {
            LOG.error("粤政易 simulator cannot listen on {}:{} ({}); set port in PID org.smartproperty.sim.govidentity",
                    settings.bindAddress(), config.port(), e.toString());
            throw e;
        }
        simulator = sim;
        LOG.warn("SIMULATED 粤政易 identity provider gd-zwy (development only) on {}{} as corp {} / paasid {}; staff users at {}{}",
                sim.baseUri(), ZwySimulator.AUTHORIZE, settings.corpId(), settings.paasId(), sim.baseUri(), ZwySimulator.USERS);
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
            LOG.info("粤政易 simulator stopped");
        }
    }
}
