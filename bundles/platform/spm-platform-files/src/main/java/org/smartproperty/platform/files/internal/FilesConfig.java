package org.smartproperty.platform.files.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "SmartProperty file store", description = "Uploads: limits, storage directory, thumbnails")
public @interface FilesConfig {

    @AttributeDefinition(description = "Directory of the stored files; empty = ${karaf.data}/files. Backups must include it.")
    String directory() default "";

    @AttributeDefinition(description = "Largest accepted upload in MiB (1-100)")
    int maxSizeMb() default 10;

    @AttributeDefinition(description = "Accepted content types, judged by content: application/pdf, image/jpeg, image/png")
    String[] allowedTypes() default {"application/pdf", "image/jpeg", "image/png"};

    @AttributeDefinition(description = "Longest side of image thumbnails in pixels (64-1024)")
    int thumbnailSize() default 320;

    @AttributeDefinition(description = "Hours an uploaded file may stay unattached before it is purged (1-720)")
    int pendingHours() default 24;

    @AttributeDefinition(description = "Most files one business object may have attached (1-100)")
    int maxAttachments() default 20;

    @AttributeDefinition(description = "Largest image in megapixels (width x height, read from the image header before anything "
            + "is decoded; 1-200). Larger images are refused with 413 file.pixels")
    int maxImageMegapixels() default 40;

    @AttributeDefinition(description = "Images decoded at the same time for checking and thumbnails (1-16); further uploads wait")
    int maxConcurrentDecodes() default 2;

    @AttributeDefinition(description = "Seconds an image upload waits for a free decode before it is answered 503 file.busy (0-60)")
    int decodeWaitSeconds() default 5;

    @AttributeDefinition(description = "Longest stored file name in characters, extension included (32-200); longer names are shortened")
    int maxNameLength() default 100;

    @AttributeDefinition(description = "Refuse PDFs with JavaScript, launch or automatic actions (/JavaScript, /JS, /Launch, /AA) "
            + "with 400 file.pdfActive")
    boolean refusePdfActions() default true;
}
