package org.smartproperty.platform.files.internal;

import static org.smartproperty.platform.files.internal.FileStoreImpl.FIELD;
import static org.smartproperty.platform.files.internal.FileStoreImpl.TEXTS;
import static org.smartproperty.platform.files.internal.FileStoreImpl.move;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.FieldError;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.files.internal.FileStoreImpl.Settings;

/**
 * Checks an upload's content (issue 20 items 2 and 8): a PDF complete and without active content,
 * an image within the pixel limit and decoded once, at most {@code maxConcurrentDecodes} at a time,
 * into its thumbnail. Part of {@link FileStoreImpl}, split along its duties (issue 10 item 5).
 */
final class UploadInspection {

    private static final Logger LOG = LoggerFactory.getLogger(UploadInspection.class);

    private final FileStoreImpl owner;

    UploadInspection(FileStoreImpl owner) {
        this.owner = owner;
    }

    /** What checking an upload's content found: an image's size and thumbnail, nulls for a PDF. */
    record Inspected(Integer width, Integer height, BufferedImage thumbnail) {
    }

    /**
     * Checks content of an allowed type. PDF: complete, and without JavaScript or automatic actions (issue 20 item 8).
     * Image (issue 20 item 2): its size from the header within {@code maxImageMegapixels} (413 otherwise, before anything
     * is decoded), then one subsampled decode, at most {@code maxConcurrentDecodes} at a time (503 after
     * {@code decodeWaitSeconds} without a free one), which checks the whole stream and gives the thumbnail.
     */
    Inspected inspect(Path file, String type, Settings s, String uploader) throws IOException {
        if (Sniffer.PDF.equals(type)) {
            if (!Sniffer.pdfTrailer(file)) {
                throw ApiException.invalid(Messages.PLATFORM, FIELD, "file.broken", type);
            }
            if (s.refusePdfActions()) {
                String found;
                try {
                    // object streams hold dictionaries, a few times their compressed size; four uploads' worth is a bomb
                    found = PdfActions.find(file, 4 * s.maxBytes());
                } catch (PdfActions.Unchecked e) {
                    LOG.warn("Refused a PDF of {} that cannot be checked for scripts: {}", uploader, e.getMessage());
                    throw ApiException.invalid(TEXTS, FIELD, "file.pdfUnchecked", e.getMessage());
                }
                if (found != null) {
                    LOG.warn("Refused a PDF of {} with active content {}", uploader, found);
                    throw ApiException.invalid(TEXTS, FIELD, "file.pdfActive", found);
                }
            }
            return new Inspected(null, null, null);
        }
        Sniffer.Size size = Sniffer.size(file, type);
        if (size == null) {
            throw ApiException.invalid(Messages.PLATFORM, FIELD, "file.broken", type);
        }
        if (size.pixels() > s.maxPixels()) {
            LOG.warn("Refused an image of {} x {} pixels from {} (limit {} megapixels)", size.width(), size.height(), uploader,
                    s.maxImageMegapixels());
            Object[] args = {size.width(), size.height(), s.maxImageMegapixels()};
            throw new ApiException(413, "file.pixels", TEXTS, List.of(FieldError.of(TEXTS, FIELD, "file.pixels", args)), args);
        }
        Semaphore gate = owner.decodeSlots();
        try {
            if (!gate.tryAcquire(s.decodeWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ApiException(503, "file.busy", TEXTS, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "file.busy", TEXTS, null);
        }
        try {
            BufferedImage preview = Sniffer.preview(file, type, size, s.thumbnailSize());
            if (preview == null) {
                throw ApiException.invalid(Messages.PLATFORM, FIELD, "file.broken", type);
            }
            return new Inspected(size.width(), size.height(), thumbnailOf(preview, size, s.thumbnailSize()));
        } finally {
            gate.release();
        }
    }

    /** {@code preview} (a subsampled decode) scaled to the thumbnail of an image of {@code size}: longest side at most {@code max}. */
    static BufferedImage thumbnailOf(BufferedImage preview, Sniffer.Size size, int max) {
        double scale = Math.min(1.0, (double) max / Math.max(size.width(), size.height()));
        int w = Math.max(1, (int) Math.round(size.width() * scale));
        int h = Math.max(1, (int) Math.round(size.height() * scale));
        BufferedImage t = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = t.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(preview, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return t;
    }

    static void writeThumbnail(BufferedImage t, Path to) throws IOException {
        Path part = to.resolveSibling(to.getFileName() + "." + UUID.randomUUID() + ".part");
        ImageIO.write(t, "jpg", part.toFile());
        move(part, to);
    }
}
