package org.amicus.cti;

/**
 * Whether a call is being recorded, as the PBX's {@code MixMonitorStart}, {@code MixMonitorStop} and
 * {@code MixMonitorMute} events about its channel reported it.
 *
 * @param channelId the channel's unique id, e.g. {@code 1732950000.42}
 * @param channel   the channel's name, e.g. {@code PJSIP/105-0000001a}
 * @param recording whether the PBX is recording it
 * @param muted     whether the recording is muted: it records silence in both directions
 */
public record RecordingState(String channelId, String channel, boolean recording, boolean muted) {
}
