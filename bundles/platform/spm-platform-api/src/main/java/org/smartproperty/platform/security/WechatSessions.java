package org.smartproperty.platform.security;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * SPI of the WeChat mini program login (INT-WX, issue 18): turns the code of {@code wx.login} into the user's
 * openid through WeChat's {@code jscode2session}. Registered by the WeChat adapter; the platform's
 * {@code POST /auth/wechat/session} uses it. The session key WeChat answers with never leaves the adapter.
 */
@ConsumerType
public interface WechatSessions {

    /** WeChat's error codes the platform tells apart. */
    String INVALID_CODE = "40029";
    String RATE_LIMITED = "45011";
    String BUSY = "-1";
    /** No answer (timeout, connection refused, not JSON): WeChat is unreachable. */
    String UNREACHABLE = "io";

    /** The mini program's appid this adapter logs in for (bindings are per app). */
    String appId();

    /**
     * The openid of the user whose {@code wx.login} produced {@code code}.
     *
     * @throws IdentityProviderException with WeChat's errcode ({@link #INVALID_CODE}, {@link #RATE_LIMITED}, {@link #BUSY},
     *         others as sent) or {@link #UNREACHABLE}
     */
    String openid(String code) throws IdentityProviderException;
}
