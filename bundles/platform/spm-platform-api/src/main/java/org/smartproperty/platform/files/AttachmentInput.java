package org.smartproperty.platform.files;

/**
 * One attachment in a request: the id of a file uploaded to {@code /api/v1/files} and, where the
 * domain asks for it, what the document is ({@code title}, e.g. 营业执照, 选举结果公告).
 */
public record AttachmentInput(String title, String fileId) {
}
