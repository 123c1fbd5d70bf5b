package org.smartproperty.ops;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The archive container (format 1). Layout:
 * <pre>
 * "SPMBAK01" | version u8 = 1 | flags u8 (1 = AES-256-GCM) | archive id (32 random bytes) | key check (32 bytes)
 * part*:  'P' | part index i32 | name length u16 | name (UTF-8) | chunk*
 * chunk:  length i32 (bit 31 = last chunk of the part) | data
 * 'E'
 * </pre>
 * A part's bytes are deflate-compressed, then cut into chunks of at most {@link #CHUNK} bytes.
 * Encrypted: each chunk is AES-256-GCM under the archive key = HMAC-SHA256(key file, "spm-backup-v1" ‖ archive id),
 * nonce = part index ‖ chunk index, additional data = part index ‖ chunk index ‖ last flag ‖ part name;
 * so a flipped, dropped, reordered or truncated chunk fails authentication naming its part.
 * Without encryption each chunk carries the first 16 bytes of SHA-256(archive id ‖ additional data ‖ chunk)
 * instead of the GCM tag (detects corruption, not tampering).
 */
final class Container {

    static final byte[] MAGIC = "SPMBAK01".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int CHUNK = 1 << 20;
    static final int TAG = 16;
    private static final int LAST = 0x80000000;

    private Container() {
    }

    /** Keys and authentication of one archive. */
    static final class Crypto {
        final byte[] archiveId;
        final SecretKeySpec key; // null = no encryption
        private final Cipher cipher;
        private final MessageDigest sha;

        Crypto(BackupKey master, byte[] archiveId) {
            this.archiveId = archiveId;
            try {
                sha = MessageDigest.getInstance("SHA-256");
                if (master.encrypts()) {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(master.bytes(), "HmacSHA256"));
                    mac.update("spm-backup-v1".getBytes(StandardCharsets.US_ASCII));
                    key = new SecretKeySpec(mac.doFinal(archiveId), "AES");
                    cipher = Cipher.getInstance("AES/GCM/NoPadding");
                } else {
                    key = null;
                    cipher = null;
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static Crypto create(BackupKey master) {
            byte[] id = new byte[32];
            new SecureRandom().nextBytes(id);
            return new Crypto(master, id);
        }

        boolean encrypted() {
            return key != null;
        }

        byte[] keyCheck() {
            if (key == null) {
                return new byte[32];
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
                return mac.doFinal("key-check".getBytes(StandardCharsets.US_ASCII));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] aad(int part, long chunk, boolean last, byte[] name) {
            return ByteBuffer.allocate(13 + name.length).putInt(part).putLong(chunk).put((byte) (last ? 1 : 0)).put(name).array();
        }

        byte[] seal(int part, long chunk, boolean last, byte[] name, byte[] data, int len) throws GeneralSecurityException {
            byte[] aad = aad(part, chunk, last, name);
            if (key == null) {
                byte[] out = Arrays.copyOf(data, len + TAG);
                System.arraycopy(check(aad, data, 0, len), 0, out, len, TAG);
                return out;
            }
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, ByteBuffer.allocate(12).putInt(part).putLong(chunk).array()));
            cipher.updateAAD(aad);
            return cipher.doFinal(data, 0, len);
        }

        /** @return the plaintext; throws when the chunk does not authenticate */
        byte[] open(int part, long chunk, boolean last, byte[] name, byte[] data) throws GeneralSecurityException {
            if (data.length < TAG) {
                throw new GeneralSecurityException("chunk too short");
            }
            byte[] aad = aad(part, chunk, last, name);
            if (key == null) {
                int len = data.length - TAG;
                byte[] expected = check(aad, data, 0, len);
                if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(data, len, data.length))) {
                    throw new GeneralSecurityException("checksum mismatch");
                }
                return Arrays.copyOf(data, len);
            }
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ByteBuffer.allocate(12).putInt(part).putLong(chunk).array()));
            cipher.updateAAD(aad);
            return cipher.doFinal(data);
        }

        private byte[] check(byte[] aad, byte[] data, int off, int len) {
            sha.reset();
            sha.update(archiveId);
            sha.update(aad);
            sha.update(data, off, len);
            return Arrays.copyOf(sha.digest(), TAG);
        }
    }

    static void writeHeader(DataOutputStream out, Crypto c) throws IOException {
        out.write(MAGIC);
        out.writeByte(VERSION);
        out.writeByte(c.encrypted() ? 1 : 0);
        out.write(c.archiveId);
        out.write(c.keyCheck());
    }

    /** Header as read: flags, id and key check. */
    record Header(boolean encrypted, byte[] archiveId, byte[] keyCheck) {
    }

    static Header readHeader(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not an spm backup archive");
        }
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IOException("unsupported archive format version " + version);
        }
        int flags = in.readUnsignedByte();
        byte[] id = in.readNBytes(32);
        byte[] check = in.readNBytes(32);
        if (check.length != 32) {
            throw new EOFException();
        }
        return new Header((flags & 1) != 0, id, check);
    }

    /** Writes one part: the returned stream takes the (already compressed) bytes; close it to end the part. */
    static OutputStream part(DataOutputStream out, Crypto c, int index, String name) throws IOException {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        out.writeByte('P');
        out.writeInt(index);
        out.writeShort(n.length);
        out.write(n);
        return new OutputStream() {
            private final byte[] buf = new byte[CHUNK];
            private int len;
            private long chunk;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int l) throws IOException {
                while (l > 0) {
                    if (len == CHUNK) {
                        emit(false);
                    }
                    int k = Math.min(l, CHUNK - len);
                    System.arraycopy(b, off, buf, len, k);
                    len += k;
                    off += k;
                    l -= k;
                }
            }

            private void emit(boolean last) throws IOException {
                try {
                    byte[] sealed = c.seal(index, chunk++, last, n, buf, len);
                    out.writeInt(sealed.length | (last ? LAST : 0));
                    out.write(sealed);
                    len = 0;
                } catch (GeneralSecurityException e) {
                    throw new IOException(e);
                }
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    emit(true);
                }
            }
        };
    }

    static void end(DataOutputStream out) throws IOException {
        out.writeByte('E');
    }

    /** A part header as read. */
    record PartHeader(int index, String name, byte[] rawName) {
    }

    /** @return the next part's header, or null at the end marker */
    static PartHeader nextPart(DataInputStream in) throws IOException {
        int tag = in.read();
        if (tag == 'E') {
            return null;
        }
        if (tag != 'P') {
            throw new IOException(tag < 0 ? "archive truncated (no end marker)" : "bad part marker");
        }
        int index = in.readInt();
        int len = in.readUnsignedShort();
        byte[] n = in.readNBytes(len);
        if (n.length != len) {
            throw new EOFException();
        }
        return new PartHeader(index, new String(n, StandardCharsets.UTF_8), n);
    }

    /** The authenticated (still compressed) bytes of the part whose header was just read. */
    static PartIn partBytes(DataInputStream in, Crypto c, PartHeader h) {
        return new PartIn(in, c, h);
    }

    /** Reads and authenticates one part chunk by chunk. */
    static final class PartIn extends InputStream {
        private final DataInputStream in;
        private final Crypto c;
        private final PartHeader h;
        private byte[] cur = new byte[0];
        private int pos;
        private long chunk;
        private boolean done;

        PartIn(DataInputStream in, Crypto c, PartHeader h) {
            this.in = in;
            this.c = c;
            this.h = h;
        }

        private boolean fill() throws IOException {
            while (pos >= cur.length) {
                if (done) {
                    return false;
                }
                int word = in.readInt();
                boolean last = (word & LAST) != 0;
                int len = word & ~LAST;
                if (len > CHUNK + TAG) {
                    throw new StructureException("chunk " + chunk + ": bad length " + len);
                }
                byte[] data = in.readNBytes(len);
                if (data.length != len) {
                    throw new StructureException("archive truncated in chunk " + chunk);
                }
                done = last;
                long index = chunk++;
                try {
                    cur = c.open(h.index(), index, last, h.rawName(), data);
                } catch (GeneralSecurityException e) {
                    cur = new byte[0];
                    pos = 0;
                    throw new IOException("chunk " + index + " does not authenticate");
                }
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? cur[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int l) throws IOException {
            if (l == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int k = Math.min(l, cur.length - pos);
            System.arraycopy(cur, pos, b, off, k);
            pos += k;
            return k;
        }

        /** Reads (and authenticates) what the consumer left. */
        @Override
        public void close() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // drain
            }
        }

        /** After a failed chunk: skips the part's remaining chunks without authenticating them. */
        void skipRaw() throws IOException {
            while (!done) {
                int word = in.readInt();
                int len = word & ~LAST;
                if (len > CHUNK + TAG) {
                    throw new StructureException("chunk " + chunk + ": bad length " + len);
                }
                try {
                    in.skipNBytes(len);
                } catch (EOFException e) {
                    throw new StructureException("archive truncated");
                }
                done = (word & LAST) != 0;
                chunk++;
            }
            cur = new byte[0];
            pos = 0;
        }
    }

    /** The container's structure is broken: nothing after this point can be read. */
    static final class StructureException extends IOException {
        private static final long serialVersionUID = 1L;

        StructureException(String m) {
            super(m);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
