package org.smartproperty.vote;

import org.smartproperty.platform.Messages;

/** Texts of the vote domain (zh-CN base, en). */
public final class VoteMessages {

    public static final Messages TEXTS = Messages.of(VoteMessages.class, "org.smartproperty.vote.messages");

    private VoteMessages() {
    }
}
