package org.amicus.cti;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import org.amicus.ami.InvalidInputException;

/**
 * The agent at this workstation: their phone and how calls are placed from it.
 *
 * @param device           the agent's phone as the PBX names it, e.g. {@code PJSIP/104}
 * @param autoAnswer       how the phone is asked to answer by itself
 * @param dialContext      the dialplan context numbers are dialled in
 * @param originateTimeout how long the agent's phone may ring before an action gives up
 * @param callerId         the caller id the agent's own phone shows, e.g. {@code "Amicus" <100>}; empty for the PBX's
 */
public record AgentProfile(String device, AutoAnswer autoAnswer, String dialContext, Duration originateTimeout,
        String callerId) {

    private static final Pattern DEVICE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*/[A-Za-z0-9_.@+-]+");
    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_-]+");

    // After the patterns, which its construction uses.
    /** Until the agent says otherwise: no device, so no action can be taken. */
    public static final AgentProfile UNSET = new AgentProfile("", AutoAnswer.CALL_INFO, "default",
            Duration.ofSeconds(30), "");

    public AgentProfile {
        Objects.requireNonNull(autoAnswer, "autoAnswer");
        if (!device.isEmpty() && !DEVICE.matcher(device).matches()) {
            throw invalid("agent.device", device);
        }
        if (!CONTEXT.matcher(dialContext).matches()) {
            throw invalid("agent.dialContext", dialContext);
        }
        if (originateTimeout.compareTo(Duration.ofSeconds(5)) < 0 || originateTimeout.toMinutes() > 5) {
            throw invalid("agent.timeout", String.valueOf(originateTimeout.toSeconds()));
        }
        if (callerId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw invalid("agent.callerId");
        }
    }

    private static InvalidInputException invalid(String key, Object... arguments) {
        return new InvalidInputException(locale -> Words.of(locale, key, arguments));
    }

    public boolean hasDevice() {
        return !device.isEmpty();
    }
}
