package org.amicus.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.amicus.cti.SpyMode;

/**
 * A command line taken apart: the command, its one argument, its options ({@code --name value}, {@code --name=value}
 * or a bare {@code --flag}, anywhere; after {@code --} only arguments). Anything that does not fit is refused here,
 * before the PBX is asked anything.
 *
 * @param command   {@code null} only when just {@code --help} was asked for
 * @param parameter the command's argument, {@code null} if it takes none
 */
record Arguments(Command command, String parameter, Map<Option, String> options) {

    static Arguments parse(List<String> words) {
        Command command = null;
        List<String> positional = new ArrayList<>();
        Map<Option, String> options = new EnumMap<>(Option.class);
        boolean onlyArguments = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!onlyArguments && word.equals("--")) {
                onlyArguments = true;
            } else if (!onlyArguments && word.startsWith("-") && word.length() > 1) {
                int equals = word.indexOf('=');
                String flag = equals < 0 ? word : word.substring(0, equals);
                Option option = flag.equals("-h") ? Option.HELP
                        : Option.named(flag).orElseThrow(() -> usage(Messages.bind(Messages.unknownOption, flag)));
                String value = "";
                if (option.takesValue()) {
                    if (equals >= 0) {
                        value = word.substring(equals + 1);
                    } else if (i + 1 < words.size()) {
                        value = words.get(++i);
                    } else {
                        throw usage(Messages.bind(Messages.needsValue, flag));
                    }
                } else if (equals >= 0) {
                    throw usage(Messages.bind(Messages.takesNoValue, flag));
                }
                if (options.put(option, value) != null) {
                    throw usage(Messages.bind(Messages.givenTwice, flag));
                }
            } else if (command == null) {
                command = Command.named(word).orElseThrow(() -> usage(Messages.bind(Messages.unknownCommand, word)));
            } else {
                positional.add(word);
            }
        }
        if (options.containsKey(Option.HELP)) {
            return new Arguments(command, null, options);
        }
        if (command == null) {
            throw usage(Messages.noCommand);
        }
        for (Option option : options.keySet()) {
            if (!command.takes(option)) {
                throw usage(Messages.bind(Messages.notAnOptionOf, option.flag(), command.commandName()));
            }
        }
        String parameter = command.parameter();
        if (parameter == null && !positional.isEmpty()) {
            throw usage(Messages.bind(Messages.takesNoArgument, command.commandName(), positional.get(0)));
        }
        if (parameter != null && positional.size() != 1) {
            throw usage(positional.isEmpty() ? Messages.bind(Messages.needsOne, command.commandName(), parameter)
                    : Messages.bind(Messages.needsOneNot, new Object[] { command.commandName(), parameter,
                        positional.size() }));
        }
        return new Arguments(command, parameter == null ? null : positional.get(0), options);
    }

    boolean has(Option option) {
        return options.containsKey(option);
    }

    Optional<String> value(Option option) {
        return Optional.ofNullable(options.get(option));
    }

    Optional<Integer> port() {
        return value(Option.PORT).map(port -> {
            try {
                return Integer.valueOf(port);
            } catch (NumberFormatException e) {
                throw usage(Messages.bind(Messages.portNotNumber, port));
            }
        });
    }

    Optional<Duration> timeout() {
        return value(Option.TIMEOUT).map(seconds -> {
            try {
                return Duration.ofSeconds(Long.parseLong(seconds));
            } catch (NumberFormatException e) {
                throw usage(Messages.bind(Messages.timeoutNotNumber, seconds));
            }
        });
    }

    SpyMode mode() {
        String mode = value(Option.MODE).orElse("listen");
        try {
            return SpyMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage(Messages.bind(Messages.modeInvalid, mode));
        }
    }

    static CliFailure usage(String problem) {
        return new CliFailure(Exit.BAD_INPUT, Messages.bind(Messages.seeHelp, problem));
    }
}
