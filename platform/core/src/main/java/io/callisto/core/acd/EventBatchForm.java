package io.callisto.core.acd;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;

/** What Java serialization writes for an {@link EventBatch}: its compact form ({@link EventBatchCodec}). */
record EventBatchForm(byte[] bytes) implements Serializable {
    static EventBatchForm of(EventBatch batch) {
        try {
            Bytes.Buffer buffer = new Bytes.Buffer();
            DataOutputStream out = new DataOutputStream(buffer);
            EventBatchCodec.write(out, batch);
            out.flush();
            return new EventBatchForm(buffer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Serial
    private Object readResolve() {
        try {
            return EventBatchCodec.read(new DataInputStream(new Bytes.Reader(bytes, 0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
