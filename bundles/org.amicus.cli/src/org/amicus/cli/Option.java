package org.amicus.cli;

import java.util.Arrays;
import java.util.Optional;

/** The options of {@code amicus cli}; which command takes which is said by {@link Command}. */
enum Option {
    PROFILE("profile", "NAME", Messages.optionProfile),
    HOST("host", "HOST", Messages.optionHost),
    PORT("port", "PORT", Messages.optionPort),
    TLS("tls", null, Messages.optionTls),
    USER("user", "USER", Messages.optionUser),
    TRUST_CERTIFICATE("trust-certificate", "FILE", Messages.optionTrustCertificate),
    HUB("hub", "URLS", Messages.optionHub),
    DEVICE("device", "DEVICE", Messages.optionDevice),
    CONTEXT("context", "CONTEXT", Messages.optionContext),
    TIMEOUT("timeout", "SECONDS", Messages.optionTimeout),
    MODE("mode", "MODE", Messages.optionMode),
    QUEUE("queue", "NAME", Messages.optionQueue),
    REASON("reason", "TEXT", Messages.optionReason),
    ATTENDED("attended", null, Messages.optionAttended),
    WATCH("watch", null, Messages.optionWatch),
    JSON("json", null, Messages.optionJson),
    HELP("help", null, Messages.optionHelp);

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
