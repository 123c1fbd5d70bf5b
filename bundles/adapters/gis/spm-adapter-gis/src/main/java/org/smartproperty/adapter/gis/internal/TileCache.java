package org.smartproperty.adapter.gis.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tiles on disk, {@code <dir>/<layer>/<set>/<z>/<x>/<y>.png}, bounded in bytes: an access-ordered index in memory
 * (rebuilt from the folder at start, oldest file first) evicts the least recently used tiles when a new one would
 * exceed the bound. A file's modification time is when it came from the provider. Writes go to a temporary file
 * first and are moved into place, so a reader never sees half a tile.
 */
final class TileCache {

    private static final Logger LOG = LoggerFactory.getLogger(TileCache.class);

    /** A cached tile and when it was fetched. */
    record Hit(byte[] bytes, Instant fetchedAt) {
    }

    private final Path dir;
    private final LinkedHashMap<String, Long> index = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;
    private volatile long maxBytes;

    TileCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        load();
    }

    Path dir() {
        return dir;
    }

    private void load() {
        record F(String key, long size, long modified) {
        }
        List<F> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".png") && attrs.isRegularFile()) {
                        String rel = dir.relativize(file).toString().replace('\\', '/');
                        files.add(new F(rel.substring(0, rel.length() - 4), attrs.size(), attrs.lastModifiedTime().toMillis()));
                    } else if (name.endsWith(".tmp")) {
                        try {
                            Files.deleteIfExists(file);
                        } catch (IOException ignored) {
                            // a leftover of a crash; the next start tries again
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("tile cache folder " + dir + " unreadable", e);
        }
        files.sort(Comparator.comparingLong(F::modified));
        synchronized (this) {
            for (F f : files) {
                index.put(f.key(), f.size());
                bytes += f.size();
            }
            evict();
        }
        if (!files.isEmpty()) {
            LOG.info("Tile cache {}: {} tiles, {} bytes", dir, index.size(), bytes);
        }
    }

    private Path file(String key) {
        return dir.resolve(key + ".png");
    }

    /** The cached tile, or null; counts as a use for the LRU order. */
    Hit get(String key) {
        synchronized (this) {
            if (index.get(key) == null) {
                return null;
            }
        }
        Path f = file(key);
        try {
            FileTime t = Files.getLastModifiedTime(f);
            return new Hit(Files.readAllBytes(f), t.toInstant());
        } catch (NoSuchFileException e) {
            forget(key);
            return null;
        } catch (IOException e) {
            LOG.warn("Tile cache: cannot read {} ({})", f, e.toString());
            return null;
        }
    }

    /** Stores a tile fetched at {@code fetchedAt}, then evicts the least recently used ones beyond the bound. */
    void put(String key, byte[] png, Instant fetchedAt) {
        if (png.length > maxBytes) {
            return;
        }
        Path f = file(key);
        Path tmp = f.resolveSibling(f.getFileName() + "." + Thread.currentThread().getId() + ".tmp");
        try {
            Files.createDirectories(f.getParent());
            Files.write(tmp, png);
            Files.setLastModifiedTime(tmp, FileTime.from(fetchedAt));
            try {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Tile cache: cannot write {} ({})", f, e.toString());
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do
            }
            return;
        }
        synchronized (this) {
            Long old = index.put(key, (long) png.length);
            bytes += png.length - (old == null ? 0 : old);
            evict();
        }
    }

    private synchronized void forget(String key) {
        Long old = index.remove(key);
        if (old != null) {
            bytes -= old;
        }
    }

    /** Caller holds the lock. */
    private void evict() {
        Iterator<Map.Entry<String, Long>> it = index.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            Map.Entry<String, Long> e = it.next();
            it.remove();
            bytes -= e.getValue();
            try {
                Files.deleteIfExists(file(e.getKey()));
            } catch (IOException ex) {
                LOG.warn("Tile cache: cannot delete {} ({})", file(e.getKey()), ex.toString());
            }
        }
    }

    synchronized void maxBytes(long max) {
        maxBytes = max;
        evict();
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int tiles() {
        return index.size();
    }

    long maxBytes() {
        return maxBytes;
    }
}
