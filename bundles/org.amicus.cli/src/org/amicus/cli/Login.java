package org.amicus.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.amicus.ami.AmiProfile;
import org.amicus.ami.AmiProfiles;
import org.amicus.ami.AmiSecrets;

/**
 * The PBX to log in to, and the secret: a stored profile (named, or the one chosen in the settings), or one made of
 * options. The secret comes from the environment variable {@value #SECRET_VARIABLE}, never from an option (the
 * process list would show it), else from what Amicus stores for that user and server.
 */
record Login(AmiProfile profile, String secret) {

    static final String SECRET_VARIABLE = "AMICUS_AMI_SECRET";
    private static final List<Option> NEED_HOST = List.of(Option.PORT, Option.TLS, Option.USER,
            Option.TRUST_CERTIFICATE);

    static Login choose(Arguments arguments, Map<String, String> environment, AmiProfiles profiles,
            AmiSecrets secrets) {
        AmiProfile profile = arguments.has(Option.HOST) ? fromOptions(arguments) : stored(arguments, profiles);
        String secret = environment.getOrDefault(SECRET_VARIABLE, "");
        if (secret.isEmpty()) {
            secret = secrets.find(profile).orElseThrow(() -> new CliFailure(Exit.BAD_INPUT,
                    Messages.bind(Messages.noSecret, profile.server(), SECRET_VARIABLE)));
        }
        return new Login(profile, secret);
    }

    private static AmiProfile fromOptions(Arguments arguments) {
        if (arguments.has(Option.PROFILE)) {
            throw Arguments.usage(Messages.profileOrHost);
        }
        String user = arguments.value(Option.USER).orElseThrow(() -> Arguments.usage(Messages.hostNeedsUser));
        boolean tls = arguments.has(Option.TLS);
        if (arguments.has(Option.TRUST_CERTIFICATE) && !tls) {
            throw Arguments.usage(Messages.certificateNeedsTls);
        }
        try {
            return new AmiProfile("Command line", // in --json output: the same in every language //$NON-NLS-1$
                    arguments.value(Option.HOST).orElseThrow(),
                    arguments.port().orElse(5038), tls, user, arguments.value(Option.TRUST_CERTIFICATE).orElse(null));
        } catch (IllegalArgumentException e) {
            throw Arguments.usage(e.getLocalizedMessage());
        }
    }

    private static AmiProfile stored(Arguments arguments, AmiProfiles profiles) {
        for (Option option : NEED_HOST) {
            if (arguments.has(option)) {
                throw Arguments.usage(Messages.bind(Messages.needsHost, option.flag()));
            }
        }
        return arguments.value(Option.PROFILE)
                .map(name -> profiles.find(name).orElseThrow(() -> new CliFailure(Exit.BAD_INPUT,
                        Messages.bind(Messages.noSuchProfile, name, storedNames(profiles)))))
                .orElseGet(() -> profiles.current().orElseThrow(() -> new CliFailure(Exit.BAD_INPUT,
                        Messages.bind(Messages.noProfileChosen, storedNames(profiles)))));
    }

    private static String storedNames(AmiProfiles profiles) {
        List<AmiProfile> all = profiles.all();
        return all.isEmpty() ? Messages.noneStored
                : Messages.bind(Messages.storedNames, all.stream().map(AmiProfile::name).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return "Login[" + profile.server() + "]"; // never the secret //$NON-NLS-1$
    }
}
