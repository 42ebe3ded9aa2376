package org.amicus.cti;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The PBX's live channels at one moment, oldest first. Immutable. */
public final class ChannelSnapshot {

    public static final ChannelSnapshot EMPTY = new ChannelSnapshot(Map.of());

    private final int size;
    /** Gathers the channels; a registry makes a snapshot with its lock held, and leaves that work to the reader. */
    private final Supplier<Channel[]> ordered;
    private volatile List<Channel> channels;
    /**
     * The indexes, made on the first look-up: a snapshot is taken at every refresh of thousands of channels, and most
     * are only shown.
     */
    private volatile Map<String, Channel> uniqueIdIndex;
    private volatile Map<String, Channel> nameIndex;
    private volatile Map<String, List<Channel>> calls;

    /** @param byUniqueId the channels by their unique ids, in the order to show them */
    public ChannelSnapshot(Map<String, Channel> byUniqueId) {
        this(byUniqueId.values().toArray(Channel[]::new));
    }

    /** @param ordered the channels in the order to show them, kept as they are: no one else may hold the array */
    ChannelSnapshot(Channel[] ordered) {
        this(ordered.length, () -> ordered);
    }

    /**
     * @param size how many channels there are
     * @param ordered gathers them, in the order to show them, into an array no one else holds, when they are first
     *     read; it may be asked more than once and must give the same channels each time
     */
    ChannelSnapshot(int size, Supplier<Channel[]> ordered) {
        this.size = size;
        this.ordered = ordered;
    }

    public Collection<Channel> channels() {
        return list();
    }

    public int size() {
        return size;
    }

    private List<Channel> list() {
        List<Channel> gathered = channels;
        if (gathered == null) {
            gathered = Collections.unmodifiableList(Arrays.asList(ordered.get()));
            channels = gathered;
        }
        return gathered;
    }

    public Optional<Channel> byUniqueId(String uniqueId) {
        Map<String, Channel> index = uniqueIdIndex;
        if (index == null) {
            index = HashMap.newHashMap(size);
            for (Channel channel : list()) {
                index.put(channel.uniqueId(), channel);
            }
            uniqueIdIndex = index;
        }
        return Optional.ofNullable(index.get(uniqueId));
    }

    /** The channel of that exact name, e.g. {@code PJSIP/104-0000001c}; the oldest if two share it. */
    public Optional<Channel> byName(String name) {
        Map<String, Channel> index = nameIndex;
        if (index == null) {
            index = HashMap.newHashMap(size);
            for (Channel channel : list()) {
                index.putIfAbsent(channel.name(), channel);
            }
            nameIndex = index;
        }
        return Optional.ofNullable(index.get(name));
    }

    /**
     * The answered calls of a device, e.g. {@code PJSIP/104}: its channels that are up and talk to another, the latest
     * answered first; the first is the call the agent actions act on.
     */
    public List<Channel> answeredOn(String device) {
        return list().stream()
                .filter(channel -> channel.device().equals(device) && channel.state() == ChannelState.UP
                        && !channel.bridgedWith().isEmpty())
                .sorted(Comparator.comparing(Channel::answered,
                        Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed())
                .toList();
    }

    /**
     * The channels grouped by call (linked id), each call's channels oldest first; unmodifiable, and made once per
     * snapshot, on the first request (a part's summary and its rows may each ask).
     */
    public Map<String, List<Channel>> calls() {
        Map<String, List<Channel>> grouped = calls;
        if (grouped == null) {
            Map<String, List<Channel>> made = LinkedHashMap.newLinkedHashMap(size);
            for (Channel channel : list()) {
                made.computeIfAbsent(channel.linkedId(), call -> new ArrayList<>(2)).add(channel); // most have two
            }
            made.replaceAll((call, channels) -> Collections.unmodifiableList(channels));
            grouped = Collections.unmodifiableMap(made);
            calls = grouped;
        }
        return grouped;
    }
}
