package org.amicus.cti;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The live channels by unique id, oldest first, as a registry keeps them. A snapshot of them is a walk along one
 * array, not through a map: a part takes one at every refresh of thousands of channels, with the registry locked.
 * Not thread safe.
 */
public final class LiveChannels {

    /** Each channel's place in {@link #ordered}. */
    private final Map<String, Integer> slots = new HashMap<>();
    /** The channels in the order they came, with a hole where one went: holes are closed up when the array is full. */
    private Channel[] ordered = new Channel[64];
    private int end;

    public Channel get(String uniqueId) {
        Integer slot = slots.get(uniqueId);
        return slot == null ? null : ordered[slot];
    }

    /** Adds a channel at the end, or puts it in the place of the one of its unique id; returns that one, if any. */
    public Channel put(Channel channel) {
        Integer slot = slots.get(channel.uniqueId());
        if (slot != null) {
            Channel before = ordered[slot];
            ordered[slot] = channel;
            return before;
        }
        if (end == ordered.length) {
            makeRoom();
        }
        ordered[end] = channel;
        slots.put(channel.uniqueId(), end++);
        return null;
    }

    /** Removes the channel of that unique id; returns it, if there was one. */
    public Channel remove(String uniqueId) {
        Integer slot = slots.remove(uniqueId);
        if (slot == null) {
            return null;
        }
        Channel gone = ordered[slot];
        ordered[slot] = null;
        return gone;
    }

    public int size() {
        return slots.size();
    }

    /** The unique ids of the channels, in no order; a view. */
    public Set<String> uniqueIds() {
        return Collections.unmodifiableSet(slots.keySet());
    }

    public ChannelSnapshot snapshot() {
        Channel[] channels = new Channel[slots.size()];
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (ordered[i] != null) {
                channels[count++] = ordered[i];
            }
        }
        return new ChannelSnapshot(channels);
    }

    /** Closes the holes up if they are half the array or more, else doubles it. */
    private void makeRoom() {
        if (slots.size() > ordered.length / 2) {
            ordered = Arrays.copyOf(ordered, ordered.length * 2);
            return;
        }
        int count = 0;
        for (int i = 0; i < end; i++) {
            Channel channel = ordered[i];
            if (channel != null) {
                ordered[count] = channel;
                slots.put(channel.uniqueId(), count++);
            }
        }
        Arrays.fill(ordered, count, end, null);
        end = count;
    }
}
