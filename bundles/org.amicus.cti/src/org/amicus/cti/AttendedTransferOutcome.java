package org.amicus.cti;

/**
 * How an attended transfer of my call ended, from the PBX's evidence: its {@code AttendedTransfer} event, or my
 * channel rejoining the call it left to consult.
 *
 * @param result     what happened
 * @param transferee the channel of the party I put on hold, e.g. the customer's {@code PJSIP/trunk-00000012}
 * @param target     whom I consulted, e.g. {@code 106@amicus}
 * @param detail     why it came back or failed, e.g. "cancelled" or the PBX's own word; empty when transferred
 */
public record AttendedTransferOutcome(Result result, String transferee, String target, String detail) {

    public enum Result {
        /** The PBX joined the other party to the target; my phone left the call. */
        TRANSFERRED,
        /** My phone is back with the other party: I cancelled, or the target was busy, did not answer or hung up. */
        RETURNED,
        /** The PBX tried to join them and reported a failure. */
        FAILED,
        /** The PBX accepted the request but showed nothing of its effect in time. */
        TIMEOUT
    }
}
