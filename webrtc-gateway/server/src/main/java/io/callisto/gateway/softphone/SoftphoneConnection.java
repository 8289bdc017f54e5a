package io.callisto.gateway.softphone;

import io.callisto.core.agent.AgentStateService;
import io.callisto.core.auth.Caller;
import io.callisto.core.error.CallistoException;
import java.util.List;
import java.util.Map;

/**
 * One WebSocket of a softphone: {@code hello} first (which ties it to the agent's line), then the agent's commands,
 * each answered or refused with an {@code error} that changes nothing. Messages of one connection are handled in
 * order, one at a time.
 */
public final class SoftphoneConnection {
    private static final System.Logger LOG = System.getLogger(SoftphoneConnection.class.getName());
    private final Softphones softphones;
    private final Caller caller;
    private final SoftphoneSender sender;
    private SoftphoneLine line;

    SoftphoneConnection(Softphones softphones, Caller caller, SoftphoneSender sender) {
        this.softphones = softphones;
        this.caller = caller;
        this.sender = sender;
    }

    /** One text message from the browser. */
    public synchronized void receive(String text) {
        ClientMessage message;
        try {
            message = ClientMessages.parse(text);
            if (line == null && !(message instanceof ClientMessage.Hello) && !(message instanceof ClientMessage.Ping)) {
                throw new SignallingException("hello-required", "send {\"type\":\"hello\"} first");
            }
            if (line != null && !line.isCurrent(sender)) {
                throw new SignallingException("replaced", "the softphone connected again elsewhere");
            }
            handle(message);
        } catch (SignallingException e) {
            sender.send(ServerMessages.error(e.code(), e.getMessage(), e.callId(), e.reason()));
        } catch (CallistoException e) {
            sender.send(ServerMessages.error(e.code(), e.detail(), null));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "softphone message failed", e);
            sender.send(ServerMessages.error("internal", "the message could not be handled", null));
        }
    }

    private void handle(ClientMessage message) {
        switch (message) {
            case ClientMessage.Hello hello -> hello();
            case ClientMessage.Ping ping -> sender.send(ServerMessages.pong());
            case ClientMessage.SetState s -> sender.send(ServerMessages.state(softphones.states().set(caller,
                    line.agentId(), s.state(), s.reason())));
            case ClientMessage.Answer a when a.sdp() == null -> call(a.callId()).answerPrepared();
            case ClientMessage.Answer a -> call(a.callId()).answer(a.sdp());
            case ClientMessage.Prepare p -> call(p.callId()).prepare(p.sdp());
            case ClientMessage.Candidate c -> call(c.callId()).candidate(c.candidate());
            case ClientMessage.Reject r -> call(r.callId()).reject();
            case ClientMessage.Hangup h -> call(h.callId()).hangUpByAgent();
            case ClientMessage.Hold h -> call(h.callId()).hold(h.hold());
            case ClientMessage.Mute m -> call(m.callId()).mute(m.mute());
            case ClientMessage.Transfer t -> call(t.callId()).transfer(t.queueId(), t.agentId());
            case ClientMessage.Dtmf d -> call(d.callId()).dtmf(d.digits());
            case ClientMessage.Consult c -> call(c.callId()).consult(c.agentId());
            case ClientMessage.CompleteTransfer c -> call(c.callId()).completeTransfer();
            case ClientMessage.CancelConsult c -> call(c.callId()).cancelConsult();
            case ClientMessage.Dial d -> dial(d);
        }
    }

    /** The call comes back as a {@code call} message (direction outbound) once placed; its media follows. */
    private void dial(ClientMessage.Dial dial) {
        try {
            softphones.dial(caller, line.agentId(), dial.number(), dial.from(), dial.queueId());
        } catch (CallistoException e) {
            throw new SignallingException("dial-refused", e.detail(), null, e.code());
        }
    }

    private void hello() {
        if (line != null) {
            throw new SignallingException("invalid-state", "hello was already sent on this connection");
        }
        AgentStateService.StateView state;
        try {
            state = softphones.states().get(caller, caller.principalId());
        } catch (CallistoException e) {
            sender.send(ServerMessages.error("not-an-agent", "the softphone is for agents; this user is none", null));
            sender.close(1008, "not an agent");
            return;
        }
        line = softphones.line(caller.tenantId(), caller.principalId());
        line.attach(sender);
        List<Map<String, Object>> calls = line.calls().stream().map(BrowserCall::describe).toList();
        sender.send(ServerMessages.welcome(line.agentId(), state, calls));
    }

    private BrowserCall call(String callId) {
        return line.call(callId).orElseThrow(() -> new SignallingException("unknown-call",
                "no call " + callId + " on this softphone", callId));
    }

    /** The WebSocket closed: the line keeps its calls for the page that comes back. */
    public synchronized void closed() {
        if (line != null) {
            line.detach(sender);
        }
    }
}
