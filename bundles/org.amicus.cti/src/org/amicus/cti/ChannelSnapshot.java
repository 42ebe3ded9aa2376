package org.amicus.cti;

import java.time.Instant;
import java.util.ArrayList;
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

    private final Map<String, Channel> byUniqueId;
    /** Made on the first look-up by name: most snapshots are only shown. */
    private volatile Map<String, Channel> byName;
    private volatile Map<String, List<Channel>> calls;

    /** @param byUniqueId the channels by unique id, in the order to show them */
    public ChannelSnapshot(Map<String, Channel> byUniqueId) {
        this.byUniqueId = Collections.unmodifiableMap(new LinkedHashMap<>(byUniqueId));
    }

    public Collection<Channel> channels() {
        return byUniqueId.values();
    }

    public int size() {
        return byUniqueId.size();
    }

    public Optional<Channel> byUniqueId(String uniqueId) {
        return Optional.ofNullable(byUniqueId.get(uniqueId));
    }

    /** The channel of that exact name, e.g. {@code PJSIP/104-0000001c}; the oldest if two share it. */
    public Optional<Channel> byName(String name) {
        Map<String, Channel> index = byName;
        if (index == null) {
            index = new HashMap<>();
            for (Channel channel : byUniqueId.values()) {
                index.putIfAbsent(channel.name(), channel);
            }
            byName = index;
        }
        return Optional.ofNullable(index.get(name));
    }

    /**
     * The answered calls of a device, e.g. {@code PJSIP/104}: its channels that are up and talk to another, the latest
     * answered first; the first is the call the agent actions act on.
     */
    public List<Channel> answeredOn(String device) {
        return byUniqueId.values().stream()
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
            Map<String, List<Channel>> made = new LinkedHashMap<>();
            for (Channel channel : byUniqueId.values()) {
                made.computeIfAbsent(channel.linkedId(), call -> new ArrayList<>()).add(channel);
            }
            made.replaceAll((call, channels) -> Collections.unmodifiableList(channels));
            grouped = Collections.unmodifiableMap(made);
            calls = grouped;
        }
        return grouped;
    }
}
