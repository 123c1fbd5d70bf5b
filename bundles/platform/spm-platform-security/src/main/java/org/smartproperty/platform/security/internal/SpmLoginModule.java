package org.smartproperty.platform.security.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.Role;

/**
 * Karaf console/SSH/JMX login over the platform's accounts. Admin accounts type their password,
 * a space and the current TOTP code ({@code "S3cret@2026 123456"}). Accounts whose password must
 * be changed log in to the API first. Karaf roles: every allowed account gets {@code viewer} and
 * {@code ssh} plus its duty role ({@code ops}, {@code sysadmin}, {@code secadmin}, {@code auditor});
 * the system admin also gets Karaf's {@code admin}, {@code manager} and {@code systembundles}.
 */
public class SpmLoginModule implements LoginModule {

    private static final Pattern WITH_TOTP = Pattern.compile("^(.*) (\\d{6})$", Pattern.DOTALL);

    private Subject subject;
    private CallbackHandler handler;
    private BundleContext context;
    private final Set<Principal> principals = new HashSet<>();

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.context = (BundleContext) options.get(BundleContext.class.getName());
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException(e.toString());
        }
        String user = name.getName();
        String secret = password.getPassword() == null ? "" : new String(password.getPassword());
        password.clearPassword();
        ServiceReference<SecurityService> ref = context.getServiceReference(SecurityService.class);
        if (ref == null) {
            throw new LoginException("security service not available");
        }
        SecurityService security = context.getService(ref);
        try {
            Set<Role> roles = shellLogin(security, user, secret);
            principals.add(new UserPrincipal(user));
            for (String r : karafRoles(roles)) {
                principals.add(new RolePrincipal(r));
            }
            return true;
        } catch (ApiException e) {
            throw new FailedLoginException(e.getMessage());
        } finally {
            context.ungetService(ref);
        }
    }

    /** The shell login itself: the same checks and audit as the API; refuses accounts that may not use the shell. */
    static Set<Role> shellLogin(SecurityService security, String user, String secret) {
        String pw = secret;
        String totp = null;
        Matcher m = WITH_TOTP.matcher(secret);
        if (m.matches()) {
            pw = m.group(1);
            totp = m.group(2);
        }
        SecurityServiceImpl.LoginResult r;
        try {
            r = security.login(user, pw, totp, "karaf-shell", "karaf-shell");
        } catch (ApiException e) {
            if (totp != null && "auth.invalid".equals(e.code())) {
                // the six digits may belong to the password of an account without TOTP
                r = security.login(user, secret, null, "karaf-shell", "karaf-shell");
            } else {
                throw e;
            }
        }
        security.revokeShellToken(r.token());
        if (r.limited()) {
            throw Sec.problem(403, "auth.limited");
        }
        Set<Role> allowed = shellRoles(r.roles());
        if (allowed.isEmpty()) {
            throw Sec.problem(403, "auth.forbidden", "shell");
        }
        return allowed;
    }

    static Set<String> karafRoles(Set<Role> roles) {
        Set<String> out = new HashSet<>();
        out.add("viewer");
        out.add("ssh");
        for (Role r : roles) {
            out.add(r.name().toLowerCase(java.util.Locale.ROOT));
            if (r == Role.SYSADMIN) {
                out.add("admin");
                out.add("manager");
                out.add("systembundles");
            }
        }
        return out;
    }

    /** Roles that may use the Karaf shell. */
    static Set<Role> shellRoles(Set<Role> roles) {
        Set<Role> s = new HashSet<>(roles);
        s.retainAll(Set.of(Role.OPS, Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR));
        return s;
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
