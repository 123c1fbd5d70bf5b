/**
 * INT-SMS: the request signatures of the SMS providers (Alibaba Cloud RPC v1, Tencent Cloud TC3),
 * exported so that the simulator checks requests with the same rules the adapter signs them.
 */
@Export
@Version("1.0.0")
package org.smartproperty.adapter.sms;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
