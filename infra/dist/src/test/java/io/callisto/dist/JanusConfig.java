package io.callisto.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Janus 1.1.2 (Debian's package) and Kamailio configured for {@link JanusSideBySideBench}: Janus with only its SIP
 * plugin and plain-HTTP API, ICE on the veth's host-side address only (Janus skips loopback), and a Kamailio that
 * is the registrar the plugin's SIP user agents register with and the proxy the carrier calls them through.
 */
final class JanusConfig {
    static final int HTTP_PORT = 8088;
    static final int SIP_PORT = 5070;
    private static final String LIB = "/usr/lib/x86_64-linux-gnu/janus";

    private JanusConfig() {
    }

    static void write(Path dir, String address) throws IOException {
        Files.writeString(dir.resolve("janus.jcfg"), """
                general: {
                    configs_folder = "%1$s"
                    plugins_folder = "%2$s/plugins"
                    transports_folder = "%2$s/transports"
                    events_folder = "%2$s/events"
                    loggers_folder = "%2$s/loggers"
                    debug_level = 3
                }
                media: {
                    rtp_port_range = "20000-20999"
                }
                nat: {
                    nice_debug = false
                    ice_enforce_list = "%3$s"
                }
                plugins: {
                    disable = "libjanus_voicemail.so,libjanus_recordplay.so,libjanus_audiobridge.so,libjanus_duktape.so,\
                libjanus_echotest.so,libjanus_lua.so,libjanus_nosip.so,libjanus_streaming.so,libjanus_textroom.so,\
                libjanus_videocall.so,libjanus_videoroom.so"
                }
                transports: {
                    disable = "libjanus_rabbitmq.so,libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,\
                libjanus_websockets.so"
                }
                """.formatted(dir, LIB, address));
        Files.writeString(dir.resolve("janus.plugin.sip.jcfg"), """
                general: {
                    local_ip = "%1$s"
                    local_media_ip = "%1$s"
                    sdp_ip = "%1$s"
                    keepalive_interval = 120
                    behind_nat = false
                    register_ttl = 3600
                    rtp_port_range = "21000-21999"
                    sip_timer_t1x64 = 32000
                }
                """.formatted(address));
        Files.writeString(dir.resolve("janus.transport.http.jcfg"), """
                general: {
                    json = "plain"
                    base_path = "/janus"
                    http = true
                    port = %2$d
                    ip = "%1$s"
                    https = false
                }
                admin: {
                    admin_http = false
                    admin_https = false
                }
                """.formatted(address, HTTP_PORT));
        writeKamailio(dir, address);
    }

    private static void writeKamailio(Path dir, String address) throws IOException {
        Files.writeString(dir.resolve("kamailio.cfg"), """
                #!KAMAILIO
                debug=1
                log_stderror=yes
                children=2
                listen=udp:%1$s:%2$d
                loadmodule "tm.so"
                loadmodule "sl.so"
                loadmodule "rr.so"
                loadmodule "pv.so"
                loadmodule "maxfwd.so"
                loadmodule "usrloc.so"
                loadmodule "registrar.so"
                loadmodule "textops.so"
                loadmodule "siputils.so"
                modparam("usrloc", "db_mode", 0)
                request_route {
                    if (!mf_process_maxfwd_header("10")) { sl_send_reply("483", "Too Many Hops"); exit; }
                    if (has_totag()) {
                        if (loose_route()) { t_relay(); exit; }
                        if (is_method("ACK")) { if (t_check_trans()) { t_relay(); } exit; }
                        sl_send_reply("404", "Not here"); exit;
                    }
                    if (is_method("REGISTER")) { save("location"); exit; }
                    if (is_method("CANCEL")) { if (t_check_trans()) { t_relay(); } exit; }
                    record_route();
                    if (!lookup("location")) { sl_send_reply("404", "Not Found"); exit; }
                    t_relay();
                }
                """.formatted(address, SIP_PORT));
    }
}
