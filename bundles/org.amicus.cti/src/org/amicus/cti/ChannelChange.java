package org.amicus.cti;

/**
 * One change to the live channels.
 *
 * @param kind    what happened
 * @param channel the channel as it is now, or as it was last when removed
 * @param before  the channel before a change; {@code null} when added or removed
 */
public record ChannelChange(Kind kind, Channel channel, Channel before) {

    public enum Kind {
        ADDED, CHANGED, REMOVED
    }
}
