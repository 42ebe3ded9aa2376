package org.amicus.cti;

/**
 * How a transfer of my call ended, as the PBX's {@code BlindTransfer} event reported it.
 *
 * @param result      what happened
 * @param transferee  the channel of the party I transferred, e.g. the customer's {@code PJSIP/trunk-00000012}; empty
 *                    if the PBX did not say
 * @param destination where to, e.g. {@code 106@amicus}
 * @param detail      the PBX's own word for a failure, e.g. "Not Permitted"; empty when transferred
 */
public record TransferOutcome(Result result, String transferee, String destination, String detail) {

    public enum Result {
        /** The PBX sent the other party on to the destination; my phone left the call. */
        TRANSFERRED,
        /** The PBX tried and failed: the other party is still with me. */
        FAILED,
        /** The PBX accepted the transfer but reported nothing of it in time. */
        TIMEOUT
    }
}
