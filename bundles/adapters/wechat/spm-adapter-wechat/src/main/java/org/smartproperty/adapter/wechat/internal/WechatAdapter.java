package org.smartproperty.adapter.wechat.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.SmsSender.Outcome;
import org.smartproperty.notification.SmsSender.SendResult;
import org.smartproperty.notification.WechatSender;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.security.IdentityProviderException;
import org.smartproperty.platform.security.WechatSessions;

/**
 * The WeChat mini program adapter (INT-WX, issue 18): {@link WechatSessions} (login), {@link WechatSender} (the WECHAT
 * channel of the outbox) and the health check {@code wechat} (can an access token be had). Configuration PID
 * {@code org.smartproperty.adapter.wechat} ({@link WechatConfig}); a change is applied live once it validates, a bad
 * change is refused and logged and the previous settings stay. Without an appid nothing is registered.
 *
 * <p>The services are registered by the component itself: DS would publish every configuration property (the secret
 * included) as a service property.
 */
@Component(service = {}, immediate = true, configurationPid = WechatAdapter.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WechatConfig.class)
public class WechatAdapter implements WechatSessions, WechatSender, HealthCheck {

    static final String PID = "org.smartproperty.adapter.wechat";
    static final Messages TEXTS = Messages.of(WechatAdapter.class, "org.smartproperty.adapter.wechat.internal.messages");
    private static final Logger LOG = LoggerFactory.getLogger(WechatAdapter.class);

    private volatile WechatClient client;
    private BundleContext context;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final Clock clock;

    public WechatAdapter() {
        this(Clock.systemUTC());
    }

    WechatAdapter(Clock clock) {
        this.clock = clock;
    }

    @Activate
    void activate(BundleContext context, WechatConfig config) {
        this.context = context;
        configure(config);
    }

    @Modified
    void configure(WechatConfig config) {
        configureWith(config, System::getenv);
    }

    @Deactivate
    synchronized void deactivate() {
        unregister();
        context = null;
    }

    /** As DS does, with the environment given (tests). */
    synchronized void configureWith(WechatConfig config, Function<String, String> env) {
        WechatSettings settings;
        try {
            settings = WechatSettings.resolve(config, env);
        } catch (IllegalArgumentException e) {
            LOG.error("wechat: configuration {} refused: {}{}", PID, e.getMessage(), client == null ? "" : "; keeping " + client.settings());
            throw e;
        }
        client = settings.enabled() ? new WechatClient(settings, clock) : null;
        LOG.info("WeChat mini program adapter: {}", settings);
        if (context == null) {
            return;
        }
        if (settings.enabled() && registrations.isEmpty()) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(Constants.SERVICE_DESCRIPTION, "WeChat mini program (INT-WX)");
            registrations.add(context.registerService(WechatSessions.class, this, props));
            registrations.add(context.registerService(WechatSender.class, this, props));
            registrations.add(context.registerService(HealthCheck.class, this, props));
        } else if (!settings.enabled()) {
            unregister();
        }
    }

    private void unregister() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException gone) {
                // the bundle is stopping
            }
        }
        registrations.clear();
    }

    private WechatClient client() throws IdentityProviderException {
        WechatClient c = client;
        if (c == null) {
            throw new IdentityProviderException(WechatSessions.UNREACHABLE, "wechat: not configured", null);
        }
        return c;
    }

    // ------------------------------------------------------------------ WechatSessions

    @Override
    public String appId() {
        WechatClient c = client;
        return c == null ? "" : c.settings().appId();
    }

    @Override
    public String openid(String code) throws IdentityProviderException {
        return client().openid(code);
    }

    // ------------------------------------------------------------------ WechatSender

    @Override
    public boolean handles(MessageKind kind) {
        WechatClient c = client;
        return c != null && kind != null && c.settings().templates().of(kind.name()) != null;
    }

    @Override
    public SendResult send(String openid, MessageKind kind, Map<String, String> params, String link, String outId) {
        WechatClient c = client;
        if (c == null) {
            return new SendResult(Outcome.RETRYABLE, null, "unconfigured", "wechat: not configured");
        }
        WechatTemplates.Template t = c.settings().templates().of(kind.name());
        if (t == null) {
            return new SendResult(Outcome.PERMANENT, null, "no-template", "wechat: no template configured for " + kind.name());
        }
        try {
            return c.send(openid, t.templateId(), page(c.settings(), link), data(c.settings(), t, params));
        } catch (RuntimeException e) {
            return new SendResult(Outcome.UNKNOWN, null, "EXCEPTION", e.toString());
        }
    }

    /** The template's fields: a kind's parameter, or '@text' from the adapter's messages in the configured language; cut to WeChat's limits. */
    static Map<String, String> data(WechatSettings s, WechatTemplates.Template t, Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        t.fields().forEach((field, source) -> {
            String value = source.startsWith("@") ? TEXTS.format(s.locale(), "wechat.value." + source.substring(1))
                    : params == null ? null : params.get(source);
            out.put(field, WechatTemplates.fit(field, value == null || value.isBlank() ? "-" : value));
        });
        return out;
    }

    /** The page the message opens: the configured page, the notification's link as {@code ?link=}. */
    static String page(WechatSettings s, String link) {
        if (s.page().isEmpty()) {
            return null;
        }
        return link == null || link.isBlank() ? s.page() : s.page() + "?link=" + URLEncoder.encode(link, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ health

    @Override
    public String name() {
        return "wechat";
    }

    /** Operational: WeChat being away stops mini program logins and messages, not the platform. */
    @Override
    public boolean readiness() {
        return false;
    }

    @Override
    public HealthResult check() {
        WechatClient c = client;
        if (c == null) {
            return new HealthResult(HealthStatus.WARNING, "WeChat mini program not configured (no appId)", Map.of());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("appId", c.settings().appId());
        details.put("baseUrl", c.settings().baseUrl());
        details.put("templates", List.copyOf(c.settings().templates().kinds()));
        try {
            c.accessToken(false);
            Instant renew = c.tokenRenewAt();
            details.put("tokenRenewAt", renew == null ? null : renew.toString());
            return new HealthResult(HealthStatus.UP, "WeChat API answers (access token held)", details);
        } catch (WechatClient.CallFailure f) {
            details.put("errcode", f.errcode);
            return new HealthResult(HealthStatus.DOWN, f.getMessage(), details);
        }
    }
}
