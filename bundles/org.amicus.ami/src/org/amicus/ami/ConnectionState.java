package org.amicus.ami;

/** The life cycle of an {@link AmiConnection}. */
public enum ConnectionState {
    /** Not connected, and not trying to. */
    DISCONNECTED,
    /** Opening the socket and logging in. */
    CONNECTING,
    /** Logged in: actions can be sent and events arrive. */
    CONNECTED,
    /** The connection was lost and is being re-established. */
    RECONNECTING,
    /** Gave up; {@link ConnectionStatus#detail()} says why. */
    FAILED
}
