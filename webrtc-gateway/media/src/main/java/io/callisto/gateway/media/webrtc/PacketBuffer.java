package io.callisto.gateway.media.webrtc;

import java.util.Arrays;
import org.jitsi.utils.ByteArrayBuffer;

/** A packet as jitsi-srtp transforms it in place: a byte array, an offset and a length, grown for the tag. */
final class PacketBuffer implements ByteArrayBuffer {
    private byte[] buffer;
    private int offset;
    private int length;

    PacketBuffer(byte[] data, int offset, int length, int spare) {
        this.buffer = new byte[length + spare];
        System.arraycopy(data, offset, buffer, 0, length);
        this.length = length;
    }

    /** The packet's bytes as they are now. */
    byte[] bytes() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int len) {
        length = len;
    }

    @Override
    public void setOffset(int off) {
        offset = off;
    }

    @Override
    public boolean isInvalid() {
        return false;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] out) {
        System.arraycopy(buffer, offset + off, out, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (offset + length + howMuch > buffer.length) {
            buffer = Arrays.copyOf(buffer, offset + length + howMuch);
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buffer, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        length = Math.max(0, length - len);
    }
}
