package org.smartproperty.adapter.govidentity.internal;

import java.net.URI;
import java.time.Clock;
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
 * {@link IdentityProvider} {@code gd-zwy}: 粤政易 (Yue Zheng Yi), the government side's WeCom-style
 * login, for the regulator's staff (issue 12 item 6). It reports the 粤政易 UserId as {@code uid}
 * (with name, mobile and department from {@code user/get}), {@code real=true}, trust level 4 and
 * user type {@code GOV}; binding the UserId to an existing staff account (or refusing a user who
 * has none) is the platform's job: this adapter never creates accounts.
 *
 * <p>Configuration PID {@code org.smartproperty.adapter.govidentity} ({@link ZwyConfig}), required:
 * without it the provider is not registered (the corp secret and the gateway token have no usable
 * default). A change is applied live ({@link Modified}) once it validates, and starts a new access
 * token cache; a bad change is refused and logged and the previous settings stay. Immediate, so a
 * bad configuration shows at boot ({@code scr:list}), not at the first login.
 *
 * <p>The service is registered by the component itself, with the one property
 * {@code spm.idp.id=gd-zwy}: DS would publish every configuration property (the corp secret and
 * the paas token included) as a service property, visible to every bundle and in {@code service:list}.
 */
@Component(service = {}, immediate = true, configurationPid = ZwyIdentityProvider.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ZwyConfig.class)
public class ZwyIdentityProvider implements IdentityProvider {

    static final String PID = "org.smartproperty.adapter.govidentity";
    /** Service property naming the provider, for {@code @Reference(target = "(spm.idp.id=gd-zwy)")}. */
    public static final String ID_PROPERTY = "spm.idp.id";
    private static final Logger LOG = LoggerFactory.getLogger(ZwyIdentityProvider.class);

    private volatile ZwyClient client;
    private ServiceRegistration<IdentityProvider> registration;

    @Activate
    void activate(BundleContext context, ZwyConfig config) {
        configure(config);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ID_PROPERTY, ZwyClient.PROVIDER_ID);
        props.put(Constants.SERVICE_DESCRIPTION, "粤政易 government-side login (gd-zwy)");
        registration = context.registerService(IdentityProvider.class, this, props);
    }

    @Modified
    void configure(ZwyConfig config) {
        configureWith(config, System::getenv, Clock.systemUTC());
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    /** As DS does, with the environment and clock given (tests). */
    void configureWith(ZwyConfig config, Function<String, String> env, Clock clock) {
        ZwySettings settings;
        try {
            settings = ZwySettings.resolve(config, env);
        } catch (IllegalArgumentException e) {
            LOG.error("gd-zwy: configuration {} refused: {}{}", PID, e.getMessage(),
                    client == null ? "" : "; keeping " + client.settings());
            throw e;
        }
        client = new ZwyClient(settings, clock);
        LOG.info("gd-zwy identity provider: {}", settings);
    }

    @Override
    public String id() {
        return ZwyClient.PROVIDER_ID;
    }

    @Override
    public URI authorizationUri(String state, URI redirectUri) {
        Objects.requireNonNull(redirectUri, "redirectUri");
        return client().authorizationUri(state, redirectUri);
    }

    /** {@code redirectUri} is not needed: WeCom's getuserinfo takes the code alone. */
    @Override
    public ExternalIdentity exchange(String code, URI redirectUri) throws IdentityProviderException {
        ZwyClient c = client;
        if (c == null) {
            throw new IdentityProviderException("unavailable", "gd-zwy: not configured", null);
        }
        return c.exchange(code, redirectUri);
    }

    ZwyClient client() {
        ZwyClient c = client;
        if (c == null) {
            throw new IllegalStateException("gd-zwy: not configured");
        }
        return c;
    }
}
