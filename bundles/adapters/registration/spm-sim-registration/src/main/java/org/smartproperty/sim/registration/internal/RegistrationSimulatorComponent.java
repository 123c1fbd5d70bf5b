package org.smartproperty.sim.registration.internal;

import java.io.IOException;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the {@link RegistrationSimulator} inside Karaf (feature spm-dev); a configuration change restarts it. */
@Component(immediate = true, service = {}, configurationPid = "org.smartproperty.sim.registration",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RegistrationSimulatorConfig.class)
public class RegistrationSimulatorComponent {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationSimulatorComponent.class);

    private RegistrationSimulator simulator;

    @Activate
    void activate(RegistrationSimulatorConfig config) throws IOException {
        RegistrationSimulator sim = new RegistrationSimulator(config.apiKey(), config.slowMillis());
        try {
            sim.mode(RegistrationSimulator.Mode.valueOf(config.mode().trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            LOG.warn("Unknown registration simulator mode '{}', using NORMAL", config.mode());
        }
        try {
            sim.start(config.bindAddress(), config.port());
        } catch (IOException e) {
            LOG.error("Registration simulator cannot listen on {}:{} ({}); set port in PID org.smartproperty.sim.registration",
                    config.bindAddress(), config.port(), e.toString());
            throw e;
        }
        simulator = sim;
        LOG.warn("SIMULATED real-estate registration system (development only) on {} with {} titled units, mode {}",
                sim.baseUri(), sim.units(), sim.mode());
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
        }
    }
}
