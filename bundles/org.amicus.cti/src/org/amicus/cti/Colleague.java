package org.amicus.cti;

import java.time.Instant;

/**
 * A phone with a hint on the PBX, as its hint last reported. Immutable: a change makes a new one.
 *
 * @param extension       the hint's extension, e.g. {@code 104}: what to dial to call this colleague
 * @param context         the hint's dialplan context
 * @param hint            the devices (and presence) the hint watches, e.g. {@code PJSIP/104}
 * @param state           what the phone is doing
 * @param inUse           whether the phone has a call besides what the state says, e.g. ringing while in use
 * @param extensionStatus the PBX's {@code ExtensionStatus} bit mask (0 idle, 1 in use, 2 busy, 4 unavailable,
 *                        8 ringing, 16 on hold; -1 not found)
 * @param since           when the state last changed (when Amicus learnt it, for states older than that)
 */
public record Colleague(String extension, String context, String hint, ColleagueState state, boolean inUse,
        int extensionStatus, Instant since) {

    /** The first device the hint watches, e.g. {@code PJSIP/104}: where the colleague's calls ring. */
    public String device() {
        String devices = hint.split(",", 2)[0];
        return devices.split("&", 2)[0];
    }
}
