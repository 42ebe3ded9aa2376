package org.amicus.ami;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A snapshot of an {@link AmiConnection}'s state, fit to show to a person.
 *
 * @param state   where the connection is in its life cycle
 * @param profile the server it is (or was last) connected to; {@code null} before the first connect
 * @param detail  why it is in this state, in words, e.g. "wrong user name or secret"; empty when obvious
 * @param nextAttempt when {@link ConnectionState#RECONNECTING}: when the next attempt is due; {@code null} otherwise
 */
public record ConnectionStatus(ConnectionState state, AmiProfile profile, String detail, Instant nextAttempt) {

    public static final ConnectionStatus INITIAL = new ConnectionStatus(ConnectionState.DISCONNECTED, null, "");

    /** A status with no attempt due. */
    public ConnectionStatus(ConnectionState state, AmiProfile profile, String detail) {
        this(state, profile, detail, null);
    }

    /** One line for a status bar, e.g. "Connected to amicus@127.0.0.1:5038"; a countdown to the next attempt. */
    public String describe() {
        return describe(Instant.now());
    }

    /**
     * One line for a status bar in the words of {@code locale}'s language (the detail as the PBX or the network gave
     * it), counting down to the next attempt from now.
     */
    public String describe(Locale locale) {
        String server = profile == null ? "" : profile.server();
        String text = state == ConnectionState.DISCONNECTED && profile == null ? Words.of(locale, "status.none")
                : Words.of(locale, "status." + state.name(), server);
        if (!detail.isEmpty()) {
            text = Words.of(locale, "status.detail", text, detail);
        }
        if (nextAttempt != null) {
            long seconds = Math.max(0, (Duration.between(Instant.now(), nextAttempt).toMillis() + 999) / 1000);
            text = seconds == 0 ? Words.of(locale, "status.tryingNow", text)
                    : Words.of(locale, "status.nextAttempt", text, seconds);
        }
        return text;
    }

    /** One line for a status bar, counting down to the next attempt from {@code now}. */
    public String describe(Instant now) {
        String server = profile == null ? "" : " " + profile.server();
        String text = switch (state) {
            case DISCONNECTED -> profile == null ? "Not connected" : "Disconnected from" + server;
            case CONNECTING -> "Connecting to" + server;
            case CONNECTED -> "Connected to" + server;
            case RECONNECTING -> "Reconnecting to" + server;
            case FAILED -> "Cannot connect to" + server;
        };
        if (!detail.isEmpty()) {
            text += ": " + detail;
        }
        if (nextAttempt != null) {
            long seconds = Math.max(0, (Duration.between(now, nextAttempt).toMillis() + 999) / 1000);
            text += seconds == 0 ? "; trying now" : "; next attempt in " + seconds + " s";
        }
        return text;
    }
}
