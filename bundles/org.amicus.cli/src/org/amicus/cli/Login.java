package org.amicus.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.amicus.ami.AmiProfile;
import org.amicus.ami.AmiProfiles;
import org.amicus.ami.AmiSecrets;
import org.amicus.cti.hub.HubChoice;
import org.amicus.cti.hub.HubLogin;

/**
 * How to reach the PBX: the hub ({@code hub}, with {@code profile} and {@code secret} null) or a PBX to log in to
 * with the secret. The hub is the one {@code --hub} names with {@code --user}, its password from the environment
 * variable {@value #HUB_PASSWORD_VARIABLE} (else the settings' one for that user), or the one the settings chose when
 * no PBX is named. A PBX is a stored profile (named, or the one chosen in the settings), or one made of options; its
 * secret comes from the environment variable {@value #SECRET_VARIABLE}, never from an option (the process list would
 * show it), else from what Amicus stores for that user and server.
 */
record Login(AmiProfile profile, String secret, HubLogin hub) {

    static final String SECRET_VARIABLE = "AMICUS_AMI_SECRET";
    static final String HUB_PASSWORD_VARIABLE = "AMICUS_HUB_PASSWORD";
    private static final List<Option> NEED_HOST = List.of(Option.PORT, Option.TLS, Option.USER,
            Option.TRUST_CERTIFICATE);
    private static final List<Option> NOT_WITH_HUB = List.of(Option.PROFILE, Option.HOST, Option.PORT, Option.TLS);

    static Login choose(Arguments arguments, Map<String, String> environment, AmiProfiles profiles,
            AmiSecrets secrets, HubChoice hubChoice) {
        Optional<HubLogin> chosen = hubChoice.hub();
        if (arguments.has(Option.HUB)) {
            return throughHub(arguments, environment, chosen);
        }
        if (!arguments.has(Option.HOST) && !arguments.has(Option.PROFILE) && chosen.isPresent()) {
            return new Login(null, null, chosen.get());
        }
        AmiProfile profile = arguments.has(Option.HOST) ? fromOptions(arguments) : stored(arguments, profiles);
        String secret = environment.getOrDefault(SECRET_VARIABLE, "");
        if (secret.isEmpty()) {
            secret = secrets.find(profile).orElseThrow(() -> new CliFailure(Exit.BAD_INPUT,
                    Messages.bind(Messages.noSecret, profile.server(), SECRET_VARIABLE)));
        }
        return new Login(profile, secret, null);
    }

    private static Login throughHub(Arguments arguments, Map<String, String> environment, Optional<HubLogin> chosen) {
        for (Option option : NOT_WITH_HUB) {
            if (arguments.has(option)) {
                throw Arguments.usage(Messages.bind(Messages.notWithHub, option.flag()));
            }
        }
        String user = arguments.value(Option.USER).orElseThrow(() -> Arguments.usage(Messages.hubNeedsUser));
        String password = environment.getOrDefault(HUB_PASSWORD_VARIABLE, "");
        if (password.isEmpty()) {
            password = chosen.filter(login -> login.user().equals(user)).map(HubLogin::password)
                    .orElseThrow(() -> new CliFailure(Exit.BAD_INPUT,
                            Messages.bind(Messages.noHubPassword, user, HUB_PASSWORD_VARIABLE)));
        }
        try {
            return new Login(null, null, new HubLogin(Arrays.stream(arguments.value(Option.HUB).orElseThrow()
                    .split(",")).map(String::strip).toList(), user, password,
                    arguments.value(Option.TRUST_CERTIFICATE).map(Path::of)));
        } catch (IllegalArgumentException e) {
            throw Arguments.usage(e.getLocalizedMessage());
        }
    }

    /** The PBX or the hub, for the user to read. */
    String target() {
        return hub != null ? hub.user() + "@" + String.join(",", hub.servers()) : profile.server();
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
        return "Login[" + target() + "]"; // never the secret //$NON-NLS-1$
    }
}
