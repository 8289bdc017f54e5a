package io.callisto.gateway.sip.stack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;

/** JAIN-SIP's message log: off (a message trace belongs in a capture, not in the server's log). */
public final class SipMessageLog implements ServerLogger {
    @Override
    public void closeLogFile() {
        // nothing open
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        // off
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        // off
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        // off
    }

    @Override
    public void logException(Exception ex) {
        System.getLogger(SipMessageLog.class.getName()).log(System.Logger.Level.WARNING, "SIP stack: " + ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing configurable
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // not needed
    }
}
