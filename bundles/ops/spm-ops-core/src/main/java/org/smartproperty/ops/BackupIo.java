package org.smartproperty.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Helpers the backup classes share: hashes and byte-counting streams. */
final class BackupIo {

    private BackupIo() {
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static String sha256(Path f) {
        MessageDigest md = Container.sha256();
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new OpsException(e, "verify.unreadable", f);
        }
        return hex(md.digest());
    }

    /** Counts bytes written through it. */
    static final class CountingOut extends java.io.FilterOutputStream {
        long count;

        CountingOut(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Counts bytes read through it. */
    static final class CountingIn extends java.io.FilterInputStream {
        long count;

        CountingIn(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = in.skip(n);
            count += k;
            return k;
        }
    }
}
