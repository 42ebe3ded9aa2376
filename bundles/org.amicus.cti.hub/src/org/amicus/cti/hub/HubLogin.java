package org.amicus.cti.hub;

import java.util.List;
import java.util.Objects;

/**
 * How a desktop reaches the hub: the NATS servers of its cluster and the desktop's user there.
 *
 * @param servers  e.g. {@code nats://hub1.example.com:4222}; any of them will do, the client finds the others
 * @param user     the user from the hub's roster
 * @param password its password; never logged
 */
public record HubLogin(List<String> servers, String user, String password) {

    public HubLogin {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("name at least one NATS server");
        }
        if (!HubSubjects.NAME.matcher(Objects.requireNonNull(user, "user")).matches()) {
            throw new IllegalArgumentException("\"" + user + "\" is not a hub user name");
        }
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "HubLogin[" + user + "@" + String.join(",", servers) + "]"; // never the password
    }
}
