package org.smartproperty.sim.identity.internal;

import java.io.IOException;
import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link IdpSimulator} inside Karaf (feature spm-dev). A configuration change
 * restarts it (DS deactivates and re-activates the component); codes and tokens are lost then.
 */
@Component(immediate = true, service = {}, configurationPid = "org.smartproperty.sim.identity",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IdpSimulatorConfig.class)
public class IdpSimulatorComponent {

    private static final Logger LOG = LoggerFactory.getLogger(IdpSimulatorComponent.class);

    private IdpSimulator simulator;

    @Activate
    void activate(IdpSimulatorConfig config) throws IOException {
        IdpSimulator.Settings settings = new IdpSimulator.Settings(config.bindAddress(), config.prefix(), config.clientId(),
                config.clientSecret(), Clock.systemUTC());
        IdpSimulator sim = new IdpSimulator(settings);
        try {
            sim.start(config.port());
        } catch (IOException e) {
            LOG.error("Identity-provider simulator cannot listen on {}:{} ({}); set port in PID org.smartproperty.sim.identity",
                    settings.bindAddress(), config.port(), e.toString());
            throw e;
        }
        simulator = sim;
        LOG.warn("SIMULATED identity provider gd-tyrz (development only) on {}{}{} as client {}; fixtures at {}{}",
                sim.baseUri(), settings.prefix(), IdpSimulator.AUTHORIZE, settings.clientId(), sim.baseUri(),
                IdpSimulator.IDENTITIES);
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
            LOG.info("Identity-provider simulator stopped");
        }
    }
}
