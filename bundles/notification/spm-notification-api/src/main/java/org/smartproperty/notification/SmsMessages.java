package org.smartproperty.notification;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;
import java.util.Optional;

import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;

/** Reading the outbox (final state per message) and applying delivery receipts. */
@ProviderType
public interface SmsMessages {

    /** Messages newest first, phones masked (ID-2); {@code state} and {@code reference} optional filters. */
    Page<SmsMessage> list(SmsState state, String reference, PageRequest page);

    Optional<SmsMessage> byOutId(String outId);

    /** Applies receipts (matched on outId, else biz id); returns how many rows changed. */
    int applyReceipts(List<DeliveryReceipt> receipts);

    /** Backlog counts per state. */
    java.util.Map<SmsState, Long> counts();
}
