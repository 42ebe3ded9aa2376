package org.amicus.cti;

import java.time.Instant;

/**
 * A call waiting in a parking space of the PBX's parking lot.
 *
 * @param space    the parking space, e.g. {@code 801}: dialling it retrieves the call
 * @param lot      the parking lot, e.g. {@code default}
 * @param channel  the parked channel, e.g. the customer's {@code PJSIP/trunk-00000012}
 * @param uniqueId the parked channel's unique id
 * @param caller   who is parked, as the PBX knows them
 * @param parkedBy who parked it, as the PBX dials them back on a timeout, e.g. {@code PJSIP/108}; empty if unknown
 * @param since    when it was parked, to the second
 */
public record ParkedCall(String space, String lot, String channel, String uniqueId, Party caller, String parkedBy,
        Instant since) {
}
