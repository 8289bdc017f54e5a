package io.callisto.gateway.sip.stack;

import gov.nist.core.StackLogger;
import java.util.Properties;

/**
 * JAIN-SIP's logging into the platform's (System.Logger): warnings and errors only, so a flood of garbage does
 * not become a flood of log lines at debug level, and no log4j configuration is needed.
 */
public final class SipLogBridge implements StackLogger {
    private static final System.Logger LOG = System.getLogger("io.callisto.gateway.sip.stack.jainsip");

    @Override
    public void logStackTrace() {
        // stack traces of the stack's own debug paths are not wanted
    }

    @Override
    public void logStackTrace(int traceLevel) {
        // as above
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.log(System.Logger.Level.WARNING, "SIP stack: " + ex);
    }

    @Override
    public void logDebug(String message) {
        // debug output is off
    }

    @Override
    public void logTrace(String message) {
        // trace output is off
    }

    @Override
    public void logFatalError(String message) {
        LOG.log(System.Logger.Level.ERROR, "SIP stack: {0}", message);
    }

    @Override
    public void logError(String message) {
        LOG.log(System.Logger.Level.WARNING, "SIP stack: {0}", message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return true;
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        // JAIN-SIP levels: 16 error, 8 warning (kept); 32 debug, 4 info, 0/1 trace (dropped)
        return logLevel == 16 || logLevel == 8;
    }

    @Override
    public void logError(String message, Exception ex) {
        LOG.log(System.Logger.Level.WARNING, "SIP stack: " + message + ": " + ex);
    }

    @Override
    public void logWarning(String message) {
        // the stack warns at every start that TLS runs on JVM defaults; TLS is off unless configured
        boolean startupNoise = message != null && (message.contains("TLS") || message.contains("tls")
                || message.startsWith("Using default"));
        LOG.log(startupNoise ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING, "SIP stack: {0}", message);
    }

    @Override
    public void logInfo(String message) {
        // info output is off
    }

    @Override
    public void disableLogging() {
        // always at warning
    }

    @Override
    public void enableLogging() {
        // always at warning
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        // not needed
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing configurable
    }

    @Override
    public String getLoggerName() {
        return "io.callisto.gateway.sip.stack.jainsip";
    }
}
