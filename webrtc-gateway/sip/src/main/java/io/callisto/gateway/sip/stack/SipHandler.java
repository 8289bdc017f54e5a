package io.callisto.gateway.sip.stack;

/** What the application does with requests the stack received (each on its own virtual thread). */
@FunctionalInterface
public interface SipHandler {
    void onRequest(IncomingRequest request);
}
