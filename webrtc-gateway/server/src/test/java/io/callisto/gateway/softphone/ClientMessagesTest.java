package io.callisto.gateway.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The browser's messages: each type read into its record, everything malformed refused with a code and the field. */
class ClientMessagesTest {
    @Test
    void readsEveryType() {
        assertThat(ClientMessages.parse("{\"type\":\"hello\",\"device\":\"Chrome\"}"))
                .isEqualTo(new ClientMessage.Hello("Chrome"));
        assertThat(ClientMessages.parse("{\"type\":\"state\",\"state\":\"AWAY\",\"reason\":\"lunch\"}"))
                .isEqualTo(new ClientMessage.SetState("AWAY", "lunch"));
        assertThat(ClientMessages.parse("{\"type\":\"answer\",\"callId\":\"c1\",\"sdp\":\"v=0\"}"))
                .isEqualTo(new ClientMessage.Answer("c1", "v=0"));
        assertThat(ClientMessages.parse("{\"type\":\"answer\",\"callId\":\"c1\"}"))
                .isEqualTo(new ClientMessage.Answer("c1", null));
        assertThat(ClientMessages.parse("{\"type\":\"prepare\",\"callId\":\"c1\",\"sdp\":\"v=0\"}"))
                .isEqualTo(new ClientMessage.Prepare("c1", "v=0"));
        assertThat(ClientMessages.parse("{\"type\":\"candidate\",\"callId\":\"c1\",\"candidate\":\"candidate:1 1 udp 1 "
                + "127.0.0.1 5 typ host\"}")).isEqualTo(new ClientMessage.Candidate("c1",
                "candidate:1 1 udp 1 127.0.0.1 5 typ host"));
        assertThat(ClientMessages.parse("{\"type\":\"candidate\",\"callId\":\"c1\",\"candidate\":\"\"}"))
                .isEqualTo(new ClientMessage.Candidate("c1", null));
        assertThat(ClientMessages.parse("{\"type\":\"candidate\",\"callId\":\"c1\",\"candidate\":null}"))
                .isEqualTo(new ClientMessage.Candidate("c1", null));
        assertThat(ClientMessages.parse("{\"type\":\"reject\",\"callId\":\"c1\"}")).isEqualTo(new ClientMessage.Reject("c1"));
        assertThat(ClientMessages.parse("{\"type\":\"hangup\",\"callId\":\"c1\"}")).isEqualTo(new ClientMessage.Hangup("c1"));
        assertThat(ClientMessages.parse("{\"type\":\"hold\",\"callId\":\"c1\",\"hold\":true}"))
                .isEqualTo(new ClientMessage.Hold("c1", true));
        assertThat(ClientMessages.parse("{\"type\":\"mute\",\"callId\":\"c1\",\"mute\":false}"))
                .isEqualTo(new ClientMessage.Mute("c1", false));
        assertThat(ClientMessages.parse("{\"type\":\"dtmf\",\"callId\":\"c1\",\"digits\":\"12*#A\"}"))
                .isEqualTo(new ClientMessage.Dtmf("c1", "12*#A"));
        assertThat(ClientMessages.parse("{\"type\":\"transfer\",\"callId\":\"c1\",\"queueId\":\"q1\"}"))
                .isEqualTo(new ClientMessage.Transfer("c1", "q1", null));
        assertThat(ClientMessages.parse("{\"type\":\"transfer\",\"callId\":\"c1\",\"agentId\":\"u1\"}"))
                .isEqualTo(new ClientMessage.Transfer("c1", null, "u1"));
        assertThat(ClientMessages.parse("{\"type\":\"consult\",\"callId\":\"c1\",\"agentId\":\"u1\"}"))
                .isEqualTo(new ClientMessage.Consult("c1", "u1"));
        assertThat(ClientMessages.parse("{\"type\":\"complete-transfer\",\"callId\":\"c1\"}"))
                .isEqualTo(new ClientMessage.CompleteTransfer("c1"));
        assertThat(ClientMessages.parse("{\"type\":\"cancel-consult\",\"callId\":\"c1\"}"))
                .isEqualTo(new ClientMessage.CancelConsult("c1"));
        assertThat(ClientMessages.parse("{\"type\":\"dial\",\"number\":\"+15551230000\"}"))
                .isEqualTo(new ClientMessage.Dial("+15551230000", null, null));
        assertThat(ClientMessages.parse("{\"type\":\"dial\",\"number\":\"5551234\",\"from\":\"+15550009999\","
                + "\"queueId\":\"q-sales\"}")).isEqualTo(new ClientMessage.Dial("5551234", "+15550009999", "q-sales"));
        assertThat(ClientMessages.parse("{\"type\":\"ping\",\"extra\":1}")).isEqualTo(new ClientMessage.Ping());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON|{type|invalid-json|",
        "an array|[1,2]|invalid-json|",
        "a string|\"hello\"|invalid-json|",
        "no type|{\"callId\":\"c1\"}|invalid-message|type",
        "a numeric type|{\"type\":5}|invalid-message|type",
        "an unknown type|{\"type\":\"reboot\"}|unknown-type|reboot",
        "no call id|{\"type\":\"hangup\"}|invalid-message|callId",
        "a call id with spaces|{\"type\":\"hangup\",\"callId\":\"a b\"}|invalid-message|callId",
        "prepare without sdp|{\"type\":\"prepare\",\"callId\":\"c1\"}|invalid-message|sdp",
        "answer with an empty sdp|{\"type\":\"answer\",\"callId\":\"c1\",\"sdp\":\"\"}|invalid-message|sdp",
        "answer with a numeric sdp|{\"type\":\"answer\",\"callId\":\"c1\",\"sdp\":5}|invalid-message|sdp",
        "hold without a boolean|{\"type\":\"hold\",\"callId\":\"c1\",\"hold\":\"yes\"}|invalid-message|hold",
        "mute without the flag|{\"type\":\"mute\",\"callId\":\"c1\"}|invalid-message|mute",
        "dtmf with letters|{\"type\":\"dtmf\",\"callId\":\"c1\",\"digits\":\"12x\"}|invalid-message|digits",
        "transfer to both|{\"type\":\"transfer\",\"callId\":\"c\",\"queueId\":\"q\",\"agentId\":\"a\"}|invalid-message|one",
        "transfer to nobody|{\"type\":\"transfer\",\"callId\":\"c1\"}|invalid-message|exactly one",
        "dial a name|{\"type\":\"dial\",\"number\":\"bob\"}|invalid-message|number",
        "dial for a queue id with spaces|{\"type\":\"dial\",\"number\":\"5551\",\"queueId\":\"a b\"}|invalid-message|queueId",
        "dial for a numeric queue|{\"type\":\"dial\",\"number\":\"5551\",\"queueId\":7}|invalid-message|queueId",
        "a candidate object|{\"type\":\"candidate\",\"callId\":\"c1\",\"candidate\":{}}|invalid-message|candidate",
        "state not text|{\"type\":\"state\",\"state\":1}|invalid-message|state",
    })
    void malformedMessagesAreRefusedWithACodeNamingTheProblem(String name, String json, String code, String mentions) {
        assertThatThrownBy(() -> ClientMessages.parse(json)).isInstanceOf(SignallingException.class)
                .satisfies(e -> assertThat(((SignallingException) e).code()).isEqualTo(code))
                .hasMessageContaining(mentions == null ? "" : mentions);
    }

    @Test
    void aCallIdLongerThan64IsRefused() {
        assertThatThrownBy(() -> ClientMessages.parse("{\"type\":\"hangup\",\"callId\":\"" + "a".repeat(65) + "\"}"))
                .isInstanceOf(SignallingException.class).hasMessageContaining("callId");
    }

    @Test
    void aCandidateLineLongerThanAnyRealOneIsRefused() {
        assertThatThrownBy(() -> ClientMessages.parse("{\"type\":\"candidate\",\"callId\":\"c1\",\"candidate\":\""
                + "x".repeat(600) + "\"}")).isInstanceOf(SignallingException.class).hasMessageContaining("512");
    }
}
