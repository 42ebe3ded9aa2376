package org.amicus.ami;

/**
 * A snapshot of an {@link AmiConnection}'s state, fit to show to a person.
 *
 * @param state   where the connection is in its life cycle
 * @param profile the server it is (or was last) connected to; {@code null} before the first connect
 * @param detail  why it is in this state, in words, e.g. "wrong user name or secret"; empty when obvious
 */
public record ConnectionStatus(ConnectionState state, AmiProfile profile, String detail) {

    public static final ConnectionStatus INITIAL = new ConnectionStatus(ConnectionState.DISCONNECTED, null, "");

    /** One line for a status bar, e.g. "Connected to amicus@127.0.0.1:5038". */
    public String describe() {
        String server = profile == null ? "" : " " + profile.server();
        String text = switch (state) {
            case DISCONNECTED -> profile == null ? "Not connected" : "Disconnected from" + server;
            case CONNECTING -> "Connecting to" + server;
            case CONNECTED -> "Connected to" + server;
            case RECONNECTING -> "Reconnecting to" + server;
            case FAILED -> "Cannot connect to" + server;
        };
        return detail.isEmpty() ? text : text + ": " + detail;
    }
}
