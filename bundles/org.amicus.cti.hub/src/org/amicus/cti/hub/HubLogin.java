package org.amicus.cti.hub;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a desktop reaches the hub: the NATS servers of its cluster and the desktop's user there.
 *
 * @param servers     e.g. {@code tls://hub1.example.com:4222}; any of them will do, the client finds the others
 * @param user        the user from the hub's roster
 * @param password    its password; never logged
 * @param certificate the certificate (PEM) the servers' TLS certificates are checked against, e.g. a private CA's;
 *                    without one, TLS trusts what the JVM's trust store trusts
 */
public record HubLogin(List<String> servers, String user, String password, Optional<Path> certificate) {

    public HubLogin {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("name at least one NATS server");
        }
        if (!HubSubjects.NAME.matcher(Objects.requireNonNull(user, "user")).matches()) {
            throw new IllegalArgumentException("\"" + user + "\" is not a hub user name");
        }
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** With the JVM's trust store for TLS. */
    public HubLogin(List<String> servers, String user, String password) {
        this(servers, user, password, Optional.empty());
    }

    @Override
    public String toString() {
        return "HubLogin[" + user + "@" + String.join(",", servers) + "]"; // never the password
    }
}
