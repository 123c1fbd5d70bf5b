package org.smartproperty.adapter.identity.internal;

import java.net.URI;
import java.util.Hashtable;
import java.util.Objects;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.security.ExternalIdentity;
import org.smartproperty.platform.security.IdentityProvider;
import org.smartproperty.platform.security.IdentityProviderException;

/**
 * {@link IdentityProvider} {@code gd-tyrz}: the Guangdong unified identity authentication
 * platform, public side (INT-IDP; real-name login of owners OWN-1, developers DEV-1, companies
 * COS-1, committees OCS-1). It reports what the provider vouches for, including isreal=false
 * and low trust levels; deciding whom to admit is the platform's job.
 *
 * <p>Configuration PID {@code org.smartproperty.adapter.identity} ({@link TyrzConfig}); a change
 * is applied live ({@link Modified}) once it validates, a bad change is refused and logged and
 * the previous settings stay. Immediate, so a bad configuration shows at boot ({@code scr:list}),
 * not at the first login.
 *
 * <p>The service is registered by the component itself, with the one property
 * {@code spm.idp.id=gd-tyrz}: DS would publish every configuration property (the client secret
 * included) as a service property, visible to every bundle and in {@code service:list}.
 */
@Component(service = {}, immediate = true, configurationPid = TyrzIdentityProvider.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TyrzConfig.class)
public class TyrzIdentityProvider implements IdentityProvider {

    static final String PID = "org.smartproperty.adapter.identity";
    /** Service property naming the provider, for {@code @Reference(target = "(spm.idp.id=gd-tyrz)")}. */
    public static final String ID_PROPERTY = "spm.idp.id";
    private static final Logger LOG = LoggerFactory.getLogger(TyrzIdentityProvider.class);

    private volatile TyrzClient client;
    private ServiceRegistration<IdentityProvider> registration;

    @Activate
    void activate(BundleContext context, TyrzConfig config) {
        configure(config);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ID_PROPERTY, TyrzClient.PROVIDER_ID);
        props.put(Constants.SERVICE_DESCRIPTION, "Guangdong unified identity authentication (INT-IDP)");
        registration = context.registerService(IdentityProvider.class, this, props);
    }

    @Modified
    void configure(TyrzConfig config) {
        configureWith(config, System::getenv);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    /** As DS does, with the environment given (tests). */
    void configureWith(TyrzConfig config, Function<String, String> env) {
        TyrzSettings settings;
        try {
            settings = TyrzSettings.resolve(config, env);
        } catch (IllegalArgumentException e) {
            LOG.error("gd-tyrz: configuration {} refused: {}{}", PID, e.getMessage(),
                    client == null ? "" : "; keeping " + client.settings());
            throw e;
        }
        client = new TyrzClient(settings);
        LOG.info("gd-tyrz identity provider: {}", settings);
    }

    @Override
    public String id() {
        return TyrzClient.PROVIDER_ID;
    }

    @Override
    public URI authorizationUri(String state, URI redirectUri) {
        Objects.requireNonNull(redirectUri, "redirectUri");
        return client().authorizationUri(state, redirectUri);
    }

    @Override
    public ExternalIdentity exchange(String code, URI redirectUri) throws IdentityProviderException {
        TyrzClient c = client;
        if (c == null) {
            throw new IdentityProviderException("unavailable", "gd-tyrz: not configured", null);
        }
        return c.exchange(code, redirectUri);
    }

    private TyrzClient client() {
        TyrzClient c = client;
        if (c == null) {
            throw new IllegalStateException("gd-tyrz: not configured");
        }
        return c;
    }
}
