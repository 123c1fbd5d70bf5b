package org.smartproperty.service;

import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/**
 * A new repair request (SVC-REP-1, OWN-4, OCS-7). Of the requester's own house: {@code unitCode}
 * (不动产单元号; an owner only of a house they own). Of a common area: {@code estateId} (an owner's
 * estate, the committee's estate) and {@code location} (e.g. "3栋大堂", required). {@code category}
 * NORMAL (default), MAJOR or EMERGENCY; {@code description} required; {@code contactPhone} defaults
 * to the account's phone and is the number the company calls: the requester's SMS go to the
 * account's own phone only, never to a contactPhone given here (issue 20 item 5); {@code photos}:
 * files the caller uploaded to /api/v1/files (JPEG or PNG), at most 9.
 */
public record RepairInput(String unitCode, Long estateId, String location, RepairCategory category, String description,
                          String contactPhone, List<AttachmentInput> photos) {
}
