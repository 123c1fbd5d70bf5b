package org.smartproperty.platform.security;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;
import java.util.Optional;

/**
 * Who to notify: the domains find the accounts of an organisation or a role and their contact
 * phone here instead of reading the security tables (SLA-3 escalations, OC-2 reminders).
 */
@ProviderType
public interface AccountDirectory {

    /** An account's name and phone as the notifications need them; phone may be null. */
    record Contact(long accountId, String username, String displayName, String phone) {
    }

    /** The account's contact, empty when it does not exist or is not ACTIVE. */
    Optional<Contact> contact(long accountId);

    /**
     * ACTIVE accounts whose data scope is exactly this organisation: COMPANY with its company id,
     * COMMITTEE with its estate id, OWNER with the owner id. ALL and NONE give no accounts. Besides the
     * accounts with this stored scope, the real-name accounts a {@link ScopeBinder} binds to it now
     * (an owner who verified the title; found through {@link ScopeBinder#documentsOf}).
     */
    List<Contact> accountsOf(DataScope scope);

    /** ACTIVE accounts holding the role. */
    List<Contact> accountsWithRole(Role role);

    /**
     * The real-name identity of an account (issue 12), empty for an account without one (created by
     * an administrator) or an unknown id. Personal data: for matching against registries only.
     */
    Optional<AccountIdentity> identity(long accountId);

    /**
     * The WeChat openid the account is bound to for the mini program {@code appId} (INT-WX, issue 18), empty when it is
     * not bound. For the WeChat notification channel only; never shown to anyone.
     *
     * @since 2.3.0
     */
    default Optional<String> wechatOpenId(long accountId, String appId) {
        return Optional.empty();
    }
}
