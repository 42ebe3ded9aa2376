package org.amicus.cli;

import java.util.Arrays;
import java.util.Optional;

/** The options of {@code amicus cli}; which command takes which is said by {@link Command}. */
enum Option {
    PROFILE("profile", "NAME", "a server profile stored in Amicus's settings (default: the one chosen there)"),
    HOST("host", "HOST", "the PBX, instead of a stored profile; the secret comes from AMICUS_AMI_SECRET"),
    PORT("port", "PORT", "with --host: its AMI port (default 5038)"),
    TLS("tls", null, "with --host: speak TLS"),
    USER("user", "USER", "with --host: the AMI user (required)"),
    TRUST_CERTIFICATE("trust-certificate", "FILE", "with --tls: trust this PEM certificate instead of Java's"),
    DEVICE("device", "DEVICE", "my phone, e.g. PJSIP/104 (default: from Amicus's settings)"),
    CONTEXT("context", "CONTEXT", "the dial context (default: from Amicus's settings)"),
    TIMEOUT("timeout", "SECONDS", "how long my phone may ring, 5 to 300 (default: from Amicus's settings)"),
    MODE("mode", "MODE", "listen (default), whisper (talk to the agent) or barge (talk to both)"),
    QUEUE("queue", "NAME", "the queue (default: every queue)"),
    REASON("reason", "TEXT", "why I pause, from the reasons the administrator set (e.g. Lunch)"),
    ATTENDED("attended", null, "consult NUMBER first, then type complete to hand the call over or cancel"),
    WATCH("watch", null, "print every change as it happens, until interrupted or standard input ends"),
    JSON("json", null, "print one JSON object per line"),
    HELP("help", null, "show this help");

    private final String name;
    private final String value;
    private final String description;

    Option(String name, String value, String description) {
        this.name = name;
        this.value = value;
        this.description = description;
    }

    /** As written on the command line, e.g. {@code --device}. */
    String flag() {
        return "--" + name;
    }

    boolean takesValue() {
        return value != null;
    }

    /** One line of help, e.g. {@code   --device DEVICE   my phone, …}. */
    String help() {
        return String.format("  %-26s %s", flag() + (value == null ? "" : " " + value), description);
    }

    static Optional<Option> named(String flag) {
        return Arrays.stream(values()).filter(option -> option.flag().equals(flag)).findFirst();
    }
}
