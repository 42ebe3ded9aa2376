package org.amicus.cti.hub;

import java.time.Duration;

/**
 * The hub's answer once an attended transfer's consultation has begun; its end is asked for as a
 * {@link org.amicus.cti.AttendedTransferOutcome}.
 *
 * @param transferee the channel of the party on hold, e.g. {@code PJSIP/trunk-00000012}
 * @param target     whom I consult, e.g. {@code 106@amicus}
 */
public record ConsultationStart(String transferee, String target) {

    /** How long the hub holds a request for a consultation's end before it answers that there is none yet. */
    public static final Duration OUTCOME_POLL = Duration.ofMinutes(1);
}
