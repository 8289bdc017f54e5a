package io.callisto.core.acd;

import java.io.InputStream;
import java.io.OutputStream;

/** Byte streams for the compact encodings, without the locks of the JDK's byte-array streams. */
final class Bytes {
    private Bytes() {
    }

    /** An unsynchronized byte sink: the JDK's ByteArrayOutputStream takes a lock on every byte. */
    static final class Buffer extends OutputStream {
        private byte[] data = new byte[4096];
        private int size;

        @Override
        public void write(int b) {
            ensure(1);
            data[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, data, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }

    /** An unsynchronized byte source, for the same reason. */
    static final class Reader extends InputStream {
        private final byte[] data;
        private int position;

        Reader(byte[] data, int offset) {
            this.data = data;
            this.position = offset;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= data.length) {
                return -1;
            }
            int n = Math.min(len, data.length - position);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
    }
}
