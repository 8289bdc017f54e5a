package io.callisto.gateway.call;

import io.callisto.core.calls.CallRecorder;
import io.callisto.core.calls.RecordingStore;
import io.callisto.core.crm.ContactService;
import io.callisto.core.interaction.InteractionService;
import io.callisto.core.routing.LiveAcd;
import io.callisto.core.telephony.TelephonyDirectory;
import io.callisto.gateway.media.rtp.RelayEngine;
import java.time.Clock;

/**
 * What call control works with: the numbers and trunks, the ACD (and the interaction service that enters calls
 * into it), contacts for the caller's CRM record, agents' phones, the media relay, the CDR writer, a clock, and
 * where recordings go, the address media is announced on, and agents' browser softphones.
 */
public record CallServices(TelephonyDirectory directory, LiveAcd acd, InteractionService interactions,
                           ContactService contacts, AgentPhones phones, RelayEngine relay, CallRecorder records,
                           RecordingStore recordings, Clock clock, String mediaHost, BrowserAgents browsers) {
}
