package org.amicus.cli;

import static org.amicus.cli.Option.CONTEXT;
import static org.amicus.cli.Option.DEVICE;
import static org.amicus.cli.Option.HELP;
import static org.amicus.cli.Option.HOST;
import static org.amicus.cli.Option.JSON;
import static org.amicus.cli.Option.MODE;
import static org.amicus.cli.Option.PORT;
import static org.amicus.cli.Option.PROFILE;
import static org.amicus.cli.Option.REASON;
import static org.amicus.cli.Option.TIMEOUT;
import static org.amicus.cli.Option.TLS;
import static org.amicus.cli.Option.TRUST_CERTIFICATE;
import static org.amicus.cli.Option.USER;
import static org.amicus.cli.Option.WATCH;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The commands of {@code amicus cli}: what each takes, and its help. */
enum Command {
    STATUS("status", null, "Connect, and say to what, with how many live channels, and which is my phone.", true),
    CHANNELS("channels", null, "List the live channels, or with --watch follow their changes.", false, WATCH),
    CALL("call", "NUMBER", "Ring my phone, then dial NUMBER in my dial context.", true),
    PICKUP("pickup", "CHANNEL", "Answer on my phone the call ringing on CHANNEL (e.g. PJSIP/104-0000001c).", true),
    PLAYBACK("playback", "FILE", "Ring my phone and play it a recording known to the PBX (e.g. custom/welcome).",
            true),
    SPY("spy", "CHANNEL", "Ring my phone and join it to an agent's CHANNEL: listen, whisper or barge.", true, MODE),
    TRANSFER("transfer", "NUMBER", "Send the other party of my answered call on to NUMBER (blind transfer), or with"
            + " --attended consult NUMBER first.", true, Option.ATTENDED),
    RECORD("record", "ACTION", "Record my answered call: ACTION is start, stop, mute or unmute.", true),
    PARK("park", null, "Park the other party of my answered call; say in which space of the parking lot.", true),
    RETRIEVE("retrieve", "SPACE", "Ring my phone and connect it to the call waiting in parking space SPACE.", true),
    PARKED("parked", null, "List the calls waiting in the parking lot: space, caller, who parked it, for how long.",
            false),
    COLLEAGUES("colleagues", null, "List every phone with a hint and its state: idle, ringing, in use, on hold...",
            false),
    QUEUE("queue", "ACTION", "Log my phone (or --device's) in to or out of the queues, pause or unpause it: ACTION is"
            + " login, logout, pause or unpause.", false, DEVICE, Option.QUEUE, REASON);

    private final String name;
    private final String parameter;
    private final String summary;
    private final Set<Option> options = EnumSet.of(PROFILE, HOST, PORT, TLS, USER, TRUST_CERTIFICATE, JSON, HELP);

    /**
     * @param phoneOptions whether it takes the options that say which is my phone, and how to ring it
     * @param own          the options only it takes
     */
    Command(String name, String parameter, String summary, boolean phoneOptions, Option... own) {
        this.name = name;
        this.parameter = parameter;
        this.summary = summary;
        if (phoneOptions) {
            options.addAll(EnumSet.of(DEVICE, CONTEXT, TIMEOUT));
        }
        options.addAll(Arrays.asList(own));
    }

    String commandName() {
        return name;
    }

    /** The one positional value it needs, e.g. "NUMBER"; {@code null} if it takes none. */
    String parameter() {
        return parameter;
    }

    boolean takes(Option option) {
        return options.contains(option);
    }

    static Optional<Command> named(String name) {
        return Arrays.stream(values()).filter(command -> command.name.equals(name)).findFirst();
    }

    /** Its help, with its options. */
    String help() {
        return "Usage: amicus cli " + name + (parameter == null ? "" : " " + parameter) + " [OPTIONS]\n"
                + summary + "\n\nOptions:\n"
                + options.stream().map(Option::help).collect(Collectors.joining("\n")) + "\n"
                + "\nThe secret for --host, or for a profile whose secret is not stored, is read from the environment"
                + " variable AMICUS_AMI_SECRET.\nExit codes: see amicus cli --help.\n";
    }

    /** The help of {@code amicus cli} itself. */
    static String overview() {
        StringBuilder help = new StringBuilder("Usage: amicus cli COMMAND [ARGUMENT] [OPTIONS]\n"
                + "Talks to the PBX as Amicus does, without a window: for administrators and scripts.\n\nCommands:\n");
        for (Command command : values()) {
            help.append(String.format("  %-18s %s%n",
                    command.name + (command.parameter == null ? "" : " " + command.parameter), command.summary));
        }
        help.append("\nRun amicus cli COMMAND --help for a command's options.\n\nExit codes:\n");
        for (Exit exit : Exit.values()) {
            help.append(String.format("  %d  %s%n", exit.code(), exit.meaning()));
        }
        return help.toString();
    }
}
