package io.callisto.gateway.softphone;

/** Where a softphone connection's messages go: its WebSocket (a list in tests). */
public interface SoftphoneSender {
    void send(String json);

    /** Closes the connection with a WebSocket close code. */
    void close(int code, String reason);
}
