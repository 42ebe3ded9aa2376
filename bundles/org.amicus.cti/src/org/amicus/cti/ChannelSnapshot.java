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

/** The PBX's live channels at one moment, oldest first. Immutable. */
public final class ChannelSnapshot {

    public static final ChannelSnapshot EMPTY = new ChannelSnapshot(Map.of());

    private final List<Channel> channels;
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
        channels = Collections.unmodifiableList(Arrays.asList(ordered));
    }

    public Collection<Channel> channels() {
        return channels;
    }

    public int size() {
        return channels.size();
    }

    public Optional<Channel> byUniqueId(String uniqueId) {
        Map<String, Channel> index = uniqueIdIndex;
        if (index == null) {
            index = HashMap.newHashMap(channels.size());
            for (Channel channel : channels) {
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
            index = HashMap.newHashMap(channels.size());
            for (Channel channel : channels) {
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
        return channels.stream()
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
            Map<String, List<Channel>> made = LinkedHashMap.newLinkedHashMap(channels.size());
            for (Channel channel : channels) {
                made.computeIfAbsent(channel.linkedId(), call -> new ArrayList<>(2)).add(channel); // most have two
            }
            made.replaceAll((call, channels) -> Collections.unmodifiableList(channels));
            grouped = Collections.unmodifiableMap(made);
            calls = grouped;
        }
        return grouped;
    }
}
