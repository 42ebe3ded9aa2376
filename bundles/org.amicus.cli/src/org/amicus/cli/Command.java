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
    STATUS("status", null, Messages.commandStatus, true),
    CHANNELS("channels", null, Messages.commandChannels, false, WATCH),
    CALL("call", "NUMBER", Messages.commandCall, true),
    PICKUP("pickup", "CHANNEL", Messages.commandPickup, true),
    PLAYBACK("playback", "FILE", Messages.commandPlayback, true),
    SPY("spy", "CHANNEL", Messages.commandSpy, true, MODE),
    TRANSFER("transfer", "NUMBER", Messages.commandTransfer, true, Option.ATTENDED),
    RECORD("record", "ACTION", Messages.commandRecord, true),
    PARK("park", null, Messages.commandPark, true),
    RETRIEVE("retrieve", "SPACE", Messages.commandRetrieve, true),
    PARKED("parked", null, Messages.commandParked, false),
    COLLEAGUES("colleagues", null, Messages.commandColleagues, false),
    QUEUE("queue", "ACTION", Messages.commandQueue, false, DEVICE, Option.QUEUE, REASON);

    private final String name;
    private final String parameter;
    private final String summary;
    private final Set<Option> options = EnumSet.of(PROFILE, HOST, PORT, TLS, USER, TRUST_CERTIFICATE, Option.HUB,
            JSON, HELP);

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
        return Messages.bind(Messages.helpCommand, new Object[] { name + (parameter == null ? "" : " " + parameter),
            summary, options.stream().map(Option::help).collect(Collectors.joining("\n")) });
    }

    /** The help of {@code amicus cli} itself. */
    static String overview() {
        StringBuilder help = new StringBuilder(Messages.helpOverview);
        for (Command command : values()) {
            help.append(String.format("  %-18s %s%n",
                    command.name + (command.parameter == null ? "" : " " + command.parameter), command.summary));
        }
        help.append(Messages.helpCommandOptions);
        for (Exit exit : Exit.values()) {
            help.append(String.format("  %d  %s%n", exit.code(), exit.meaning()));
        }
        return help.toString();
    }
}
