package io.callisto.gateway.sip.stack;

import java.util.List;

/** The final answer to a request the gateway sent outside any call (a REGISTER): 408 when none came. */
@FunctionalInterface
public interface ResponseHandler {
    /**
     * @param challenges the WWW-/Proxy-Authenticate values of a 401/407
     * @param expires    the expiry the registrar granted (Expires header or our Contact's parameter), -1 if none
     */
    void onFinalResponse(int status, List<String> challenges, int expires);
}
