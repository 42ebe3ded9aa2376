package org.amicus.cti;

/**
 * How parking my call ended, as the PBX's {@code ParkedCall} event reported it.
 *
 * @param result what happened
 * @param parkee the channel of the party I parked, e.g. the customer's {@code PJSIP/trunk-00000012}
 * @param space  the parking space it waits in, e.g. {@code 801}, to retrieve it from; empty unless parked
 * @param detail why nothing was reported; empty when parked
 */
public record ParkOutcome(Result result, String parkee, String space, String detail) {

    public enum Result {
        /** The other party waits in the parking space; my phone left the call. */
        PARKED,
        /** The PBX accepted the park but reported nothing of it in time. */
        TIMEOUT
    }
}
