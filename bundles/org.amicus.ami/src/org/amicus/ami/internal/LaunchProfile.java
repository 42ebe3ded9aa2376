package org.amicus.ami.internal;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.amicus.ami.AmiProfile;

/**
 * A server given at launch: {@code -Damicus.ami.host=…} (with optional {@code .port}, {@code .user},
 * {@code .tls}) and the secret in the environment variable {@code AMICUS_AMI_SECRET}, so that it shows in no
 * process list.
 */
record LaunchProfile(AmiProfile profile, String secret) {

    static final String SECRET_VARIABLE = "AMICUS_AMI_SECRET";

    static Optional<LaunchProfile> from(Function<String, String> properties, Map<String, String> environment) {
        String host = properties.apply("amicus.ami.host");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String port = properties.apply("amicus.ami.port");
        String user = properties.apply("amicus.ami.user");
        AmiProfile profile = new AmiProfile("Launch profile", host, port == null ? 5038 : Integer.parseInt(port),
                Boolean.parseBoolean(properties.apply("amicus.ami.tls")), user == null ? "amicus" : user);
        return Optional.of(new LaunchProfile(profile, environment.getOrDefault(SECRET_VARIABLE, "")));
    }

    @Override
    public String toString() {
        return "LaunchProfile[" + profile.server() + "]"; // never the secret
    }
}
