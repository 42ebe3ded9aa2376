package org.amicus.hub;

import static io.nats.client.support.JsonValueUtils.readInteger;
import static io.nats.client.support.JsonValueUtils.readString;
import static io.nats.client.support.JsonValueUtils.readStringList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.amicus.ami.AmiProfile;
import org.amicus.cti.hub.HubSubjects;
import org.amicus.cti.hub.NatsConnect;
import org.amicus.cti.hub.NatsOptions;

import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.support.JsonParseException;
import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;

/**
 * The hub's one configuration file (JSON): the PBX, the NATS servers, the roster. It holds secrets: keep it readable
 * by the hub's system user alone. The format is in docs/deployment.md.
 *
 * @param pbx          the PBX's AMI server and the hub's AMI user there
 * @param pbxSecret    that user's secret
 * @param natsServers  the NATS servers, e.g. {@code nats://127.0.0.1:4222}
 * @param natsUser     the hub's own user at the NATS servers
 * @param natsPassword its password
 * @param natsCertificate the certificate (PEM) that TLS to the NATS servers trusts; else the JVM's trust store
 * @param replicas     how many servers keep each bucket (JetStream replicas: 1, or 3 for a cluster)
 * @param dialContext  the dialplan context numbers are dialled in
 * @param roster       the agents and supervisors
 */
public record HubConfig(AmiProfile pbx, String pbxSecret, List<String> natsServers, String natsUser,
        String natsPassword, Optional<Path> natsCertificate, int replicas, String dialContext, Roster roster) {

    private static final Pattern PHONE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*/[A-Za-z0-9_.@+-]+");

    /** @throws IllegalArgumentException with what is wrong and where, if the file cannot be used */
    public static HubConfig read(Path file) throws IOException {
        JsonValue json;
        try {
            json = JsonParser.parse(Files.readString(file));
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage());
        }
        JsonValue pbx = section(json, "pbx");
        JsonValue nats = section(json, "nats");
        AmiProfile profile = new AmiProfile("PBX", required(pbx, "host", "pbx"), readInteger(pbx, "port", 5038),
                Boolean.TRUE.equals(pbx.map.getOrDefault("tls", JsonValue.FALSE).bool), required(pbx, "user", "pbx"));
        List<Member> members = new ArrayList<>();
        JsonValue users = section(json, "users");
        if (users.array == null) {
            throw new IllegalArgumentException("\"users\" must be a list");
        }
        for (JsonValue user : users.array) {
            members.add(member(user));
        }
        int replicas = readInteger(nats, "replicas", 1);
        if (replicas < 1 || replicas > 5) {
            throw new IllegalArgumentException("nats.replicas must be between 1 and 5, not " + replicas);
        }
        String hubUser = name(required(nats, "user", "nats"), "nats.user");
        if (members.stream().anyMatch(member -> member.user().equals(hubUser))) {
            throw new IllegalArgumentException("the hub's NATS user " + hubUser + " is also in the roster");
        }
        Optional<Path> certificate = Optional.ofNullable(nats.map.get("certificate")).map(value -> value.string)
                .map(Path::of);
        return new HubConfig(profile, required(pbx, "secret", "pbx"), nonEmpty(readStringList(nats, "servers"),
                "nats.servers"), hubUser, password(required(nats, "password", "nats"), "nats.password"), certificate,
                replicas, readString(json, "dialContext", "default"), new Roster(members));
    }

    /**
     * Opens a connection of this name to the NATS servers, which reconnects for as long as it is open.
     *
     * @throws IOException at once if the servers refuse the hub's user or its password, or if none can be reached
     */
    Connection connectNats(String connectionName) throws IOException, InterruptedException {
        try {
            return NatsConnect.open(NatsOptions.of(natsServers, natsUser, natsPassword, natsCertificate,
                    connectionName));
        } catch (AuthenticationException e) {
            throw new IOException("the NATS servers " + natsServers + " refused the hub's user " + natsUser
                    + " or its password", e);
        }
    }

    private static Member member(JsonValue json) {
        String user = name(required(json, "user", "users[]"), "users[].user");
        String where = "user " + user;
        Role role;
        try {
            role = Role.valueOf(required(json, "role", where).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": role must be agent or supervisor");
        }
        String phone = required(json, "phone", where);
        if (!PHONE.matcher(phone).matches()) {
            throw new IllegalArgumentException(where + ": phone \"" + phone + "\" is not like PJSIP/104");
        }
        List<String> teams = role == Role.AGENT ? List.of(required(json, "team", where))
                : nonEmpty(readStringList(json, "teams"), where + ": teams");
        teams.forEach(team -> name(team, where + ": team"));
        return new Member(user, password(required(json, "password", where), where + ": password"), role, phone,
                teams);
    }

    private static JsonValue section(JsonValue json, String name) {
        JsonValue section = json.map == null ? null : json.map.get(name);
        if (section == null) {
            throw new IllegalArgumentException("the configuration has no \"" + name + "\"");
        }
        if (section.map == null && section.array == null) {
            throw new IllegalArgumentException("\"" + name + "\" must be an object or a list");
        }
        return section;
    }

    /** @param where where the field is, for the message, e.g. {@code user alice} */
    private static String required(JsonValue json, String field, String where) {
        String value = json.map == null ? null : readString(json, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" is missing");
        }
        return value;
    }

    private static String name(String name, String where) {
        if (!HubSubjects.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + " \"" + name + "\" must be lower-case letters, digits, - and _"
                    + " (at most 32)");
        }
        return name;
    }

    private static String password(String password, String where) {
        if (password.length() < 12 || password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(where + " must be one line of at least 12 characters");
        }
        return password;
    }

    private static List<String> nonEmpty(List<String> values, String where) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(where + " must list at least one");
        }
        return values;
    }

    @Override
    public String toString() {
        return "HubConfig[" + pbx.server() + ", " + natsServers + ", " + roster.members().size() + " users]";
    }
}
