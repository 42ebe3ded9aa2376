package org.amicus.cti;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The live channels by unique id, oldest first, as a registry keeps them. A part takes a snapshot of thousands of
 * them at every refresh, with the registry locked and its events waiting: a snapshot copies only the references to
 * the chunks that hold the channels, and a chunk a snapshot holds is copied before it is next written. The channels
 * are gathered into one array outside the lock, by whoever reads the snapshot. Not thread safe.
 */
public final class LiveChannels {

    private static final int CHUNK = 256;

    /** Each channel's place: its chunk times {@link #CHUNK}, plus its index in the chunk. */
    private final Map<String, Integer> slots = new HashMap<>();
    /** The channels in the order they came, with a hole where one went: holes are closed up when all are full. */
    private Channel[][] chunks = { new Channel[CHUNK] };
    /** Which chunks a snapshot holds, not to be written again. */
    private boolean[] held = new boolean[1];
    private int end;

    public Channel get(String uniqueId) {
        Integer slot = slots.get(uniqueId);
        return slot == null ? null : at(slot);
    }

    /** Adds a channel at the end, or puts it in the place of the one of its unique id; returns that one, if any. */
    public Channel put(Channel channel) {
        Integer slot = slots.get(channel.uniqueId());
        if (slot != null) {
            return set(slot, channel);
        }
        if (end == chunks.length * CHUNK) {
            makeRoom();
        }
        set(end, channel);
        slots.put(channel.uniqueId(), end++);
        return null;
    }

    /** Removes the channel of that unique id; returns it, if there was one. */
    public Channel remove(String uniqueId) {
        Integer slot = slots.remove(uniqueId);
        return slot == null ? null : set(slot, null);
    }

    public int size() {
        return slots.size();
    }

    /** The unique ids of the channels, in no order; a view. */
    public Set<String> uniqueIds() {
        return Collections.unmodifiableSet(slots.keySet());
    }

    public ChannelSnapshot snapshot() {
        int used = (end + CHUNK - 1) / CHUNK;
        Channel[][] taken = Arrays.copyOf(chunks, used);
        Arrays.fill(held, 0, used, true);
        int size = slots.size();
        int upTo = end;
        return new ChannelSnapshot(size, () -> gather(taken, upTo, size));
    }

    private static Channel[] gather(Channel[][] chunks, int end, int size) {
        Channel[] channels = new Channel[size];
        int count = 0;
        for (int slot = 0; slot < end; slot++) {
            Channel channel = chunks[slot / CHUNK][slot % CHUNK];
            if (channel != null) {
                channels[count++] = channel;
            }
        }
        return channels;
    }

    private Channel at(int slot) {
        return chunks[slot / CHUNK][slot % CHUNK];
    }

    /** Writes a place, first copying its chunk should a snapshot hold it; returns the channel that was there. */
    private Channel set(int slot, Channel channel) {
        int chunk = slot / CHUNK;
        if (held[chunk]) {
            chunks[chunk] = chunks[chunk].clone();
            held[chunk] = false;
        }
        Channel before = chunks[chunk][slot % CHUNK];
        chunks[chunk][slot % CHUNK] = channel;
        return before;
    }

    /** Closes the holes up if they are half the places or more, else doubles the places. */
    private void makeRoom() {
        if (slots.size() > end / 2) {
            int count = chunks.length;
            chunks = Arrays.copyOf(chunks, count * 2);
            for (int chunk = count; chunk < chunks.length; chunk++) {
                chunks[chunk] = new Channel[CHUNK];
            }
            held = Arrays.copyOf(held, chunks.length);
            return;
        }
        int count = 0;
        for (int slot = 0; slot < end; slot++) {
            Channel channel = at(slot);
            if (channel != null) {
                set(count, channel);
                slots.put(channel.uniqueId(), count++);
            }
        }
        for (int slot = count; slot < end; slot++) {
            set(slot, null);
        }
        end = count;
    }
}
