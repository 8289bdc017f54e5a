package io.callisto.core.acd;

/** The medium of an interaction; agents have a capacity per channel (one voice call at a time). */
public enum Channel {
    VOICE, CHAT, EMAIL, CALLBACK, TASK
}
