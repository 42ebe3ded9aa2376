package org.amicus.cti.internal;

import static org.amicus.cti.internal.ChannelHeaders.DEST;
import static org.amicus.cti.internal.ChannelHeaders.LOCAL_ONE;
import static org.amicus.cti.internal.ChannelHeaders.LOCAL_TWO;
import static org.amicus.cti.internal.ChannelHeaders.OWN;
import static org.amicus.cti.internal.ChannelHeaders.SPYEE;
import static org.amicus.cti.internal.ChannelHeaders.SPYER;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.amicus.ami.AmiEvent;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelChange.Kind;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.LiveChannels;

/**
 * The live channels, kept from the PBX's events, and set right by a {@code CoreShowChannels} listing. Not thread
 * safe: the registry feeds it from the AMI dispatch thread only.
 * <p>
 * A listing is a snapshot taken while events keep coming. It is reconciled when complete: a listed channel that an
 * event touched since the listing was asked for is kept as the events left it (they are newer); one that was hung up
 * meanwhile is not brought back; a channel that is neither listed nor touched is a ghost and goes.
 * <p>
 * A channel hung up stays hung up: events about it that come later are ignored. An event costs time in proportion to
 * the channels it changes, whatever the number of channels: an event of a bridge, once for each of its members.
 */
final class ChannelTable implements ListedState {

    /** Enough for some minutes of a busy contact centre's hang-ups; late events come within seconds. */
    static final int TOMBSTONES = 10_000;
    /** How many of a bridge's other members each member names; beyond that, how many more there are. */
    static final int NAMED_BRIDGE_PEERS = 5;

    private final LiveChannels channels = new LiveChannels();
    /** The members of each bridge, by bridge id. */
    private final Map<String, Set<String>> bridges = new HashMap<>();
    /** The bridge each bridged channel entered last, to tell a move between bridges told out of order. */
    private final Map<String, String> lastEntered = new HashMap<>();
    private final DialPeers dials = new DialPeers();
    private final Tombstones hungUp = new Tombstones(TOMBSTONES);
    private Resync resync;
    private Instant now; // of the event being applied

    /** A listing under way: what it has listed, and what events changed since it was asked for. */
    private static final class Resync {
        final String actionId;
        final Map<String, ChannelDraft> listed = new LinkedHashMap<>();
        final Map<String, String> listedBridges = new HashMap<>();
        final Set<String> touched = new HashSet<>();

        Resync(String actionId) {
            this.actionId = actionId;
        }

        boolean answers(AmiEvent event) {
            String id = event.get("ActionID").orElse("");
            return id.equals(actionId) || id.endsWith("#" + actionId); // asterisk-java prefixes its own id
        }
    }

    ChannelSnapshot snapshot() {
        return channels.snapshot();
    }

    @Override
    public void expectListing(String actionId) {
        resync = new Resync(actionId);
    }

    @Override
    public boolean abandonListing(String actionId) {
        if (resync != null && resync.actionId.equals(actionId)) {
            resync = null;
            return true;
        }
        return false;
    }

    /** How many callers' Dials are followed: each is forgotten when it ends or its caller hangs up. */
    int dialsUnderWay() {
        return dials.size();
    }

    /** Whether a listing is asked for and not yet reconciled. */
    boolean listingUnderWay() {
        return resync != null;
    }

    /** Applies one event; returns what changed. */
    List<ChannelChange> apply(AmiEvent event, Instant now) {
        this.now = now;
        List<ChannelChange> changes = new ArrayList<>();
        switch (event.name()) {
            case "Hangup" -> remove(event.get("Uniqueid").orElse(""), changes);
            case "Rename" -> update(event, OWN, changes, draft -> draft.name = event.get("Newname").orElse(draft.name));
            case "Newexten" -> update(event, OWN, changes, draft -> {
                draft.application = event.get("Application").orElse("");
                draft.applicationData = event.get("AppData").orElse("");
            });
            case "LocalBridge" -> localPair(event, changes);
            case "DialBegin", "DialEnd" -> dial(event, changes);
            case "BridgeEnter", "BridgeLeave" -> bridge(event, changes);
            case "ChanSpyStart", "ChanSpyStop" -> spy(event, changes);
            case "Hold", "Unhold" -> update(event, OWN, changes, draft -> draft.onHold = event.name().equals("Hold"));
            case "CoreShowChannel" -> list(event);
            case "CoreShowChannelsComplete" -> reconcile(event, changes);
            default -> {
                if (event.get("ChannelState").isPresent()) {
                    update(event, OWN, changes, draft -> { });
                }
            }
        }
        return changes;
    }

    /**
     * While a Dial rings, or once it is answered, caller and destination are each other's peers. A caller may ring
     * several channels at once: it rings through to all of them until one answers, and then talks to that one.
     */
    private void dial(AmiEvent event, List<ChannelChange> changes) {
        boolean begins = event.name().equals("DialBegin");
        boolean connected = begins || event.get("DialStatus").orElse("").equals("ANSWER");
        String callerName = event.get("Channel").orElse("");
        update(event, DEST, changes, draft -> draft.bridgedWith = connected ? callerName : "");
        String caller = event.get("Uniqueid").orElse("");
        if (caller.isEmpty() || hungUp.buried(caller)) {
            return; // an originate's Dial has no calling channel
        }
        String destination = event.get("DestUniqueid").orElse("");
        List<String> peers = begins ? dials.begin(caller, destination) : dials.end(caller, destination, connected);
        update(event, OWN, changes, draft -> draft.bridgedWith = names(peers));
    }

    private String names(List<String> uniqueIds) {
        return uniqueIds.stream().map(channels::get).filter(Objects::nonNull).map(Channel::name)
                .collect(Collectors.joining(", "));
    }

    /** The two halves of a Local channel carry one call between them. */
    private void localPair(AmiEvent event, List<ChannelChange> changes) {
        String one = event.get("LocalOneChannel").orElse("");
        String two = event.get("LocalTwoChannel").orElse("");
        update(event, LOCAL_ONE, changes, draft -> draft.bridgedWith = two);
        update(event, LOCAL_TWO, changes, draft -> draft.bridgedWith = one);
    }

    private void bridge(AmiEvent event, List<ChannelChange> changes) {
        String bridgeId = event.get("BridgeUniqueid").orElse("");
        String uniqueId = event.get("Uniqueid").orElse("");
        if (hungUp.buried(uniqueId)) {
            return;
        }
        Set<String> members = bridges.computeIfAbsent(bridgeId, id -> new LinkedHashSet<>());
        boolean enters = event.name().equals("BridgeEnter");
        if (enters) {
            members.add(uniqueId);
            lastEntered.put(uniqueId, bridgeId);
            update(event, OWN, changes, draft -> { });
        } else {
            members.remove(uniqueId);
            update(event, OWN, changes, draft -> draft.bridgedWith = "");
            // a channel moved to another bridge may be told to have entered it before it left this one
            String now = lastEntered.get(uniqueId);
            if (bridgeId.equals(now)) {
                lastEntered.remove(uniqueId);
            } else if (now != null && bridges.containsKey(now)) {
                peersOf(bridges.get(now), changes);
            }
        }
        if (members.isEmpty()) {
            bridges.remove(bridgeId);
        }
        // the called phone enters its call's bridge just before the caller: alone, it keeps the peer its Dial named
        if (!enters || members.size() > 1) {
            peersOf(members, changes);
        }
    }

    /**
     * Each member of a bridge talks with the others; it names the first few of them, and says how many more there
     * are, so that a big bridge costs time in proportion to its size, not to its square.
     */
    private void peersOf(Set<String> members, List<ChannelChange> changes) {
        List<String> names = members.stream().map(channels::get).filter(Objects::nonNull).map(Channel::name)
                .toList();
        for (String member : members) {
            update(member, changes, draft -> draft.bridgedWith = othersThan(draft.name, names));
        }
    }

    /** Up to {@link #NAMED_BRIDGE_PEERS} of the members but this one, e.g. "PJSIP/105-1, PJSIP/106-2 and 7 more". */
    private static String othersThan(String name, List<String> members) {
        StringJoiner named = new StringJoiner(", ");
        int count = 0;
        for (int i = 0; i < members.size() && count < NAMED_BRIDGE_PEERS; i++) {
            if (!members.get(i).equals(name)) {
                named.add(members.get(i));
                count++;
            }
        }
        int more = members.size() - 1 - count; // the member itself is among them
        return more > 0 ? named + " and " + more + " more" : named.toString();
    }

    private void spy(AmiEvent event, List<ChannelChange> changes) {
        boolean starts = event.name().equals("ChanSpyStart");
        String spyee = event.get("SpyeeChannel").orElse("");
        update(event, SPYER, changes, draft -> draft.spying = starts ? spyee : "");
        if (event.get("SpyeeUniqueid").isPresent()) {
            update(event, SPYEE, changes, draft -> { });
        }
    }

    private void list(AmiEvent event) {
        if (resync == null || !resync.answers(event)) {
            return;
        }
        String uniqueId = event.get("Uniqueid").orElse("");
        Duration age = parseDuration(event.get("Duration").orElse(""));
        ChannelDraft draft = new ChannelDraft(uniqueId, now.minus(age)).update(event, OWN, now);
        draft.application = event.get("Application").orElse("");
        draft.applicationData = event.get("ApplicationData").orElse("");
        if (draft.answered != null) {
            draft.answered = draft.started; // the listing does not say when it was answered
        }
        resync.listed.put(uniqueId, draft);
        event.get("BridgeId").filter(id -> !id.isEmpty()).ifPresent(id -> resync.listedBridges.put(uniqueId, id));
    }

    private void reconcile(AmiEvent event, List<ChannelChange> changes) {
        if (resync == null || !resync.answers(event)) {
            return;
        }
        Resync done = resync;
        resync = null;
        for (Channel channel : channels.snapshot().channels()) {
            String uniqueId = channel.uniqueId();
            if (!done.listed.containsKey(uniqueId) && !done.touched.contains(uniqueId)) {
                remove(uniqueId, changes); // a ghost: its Hangup was missed
            }
        }
        done.listed.forEach((uniqueId, draft) -> {
            if (done.touched.contains(uniqueId) || hungUp.buried(uniqueId)) {
                return; // events since the listing are newer, whether they changed or ended the channel
            }
            Channel known = channels.get(uniqueId);
            if (known != null) {
                draft.started = known.started();
                draft.answered = known.answered() != null ? known.answered() : draft.answered;
                draft.bridgedWith = known.bridgedWith();
                draft.spying = known.spying();
                draft.onHold = known.onHold(); // the listing does not say
            }
            put(draft.build(), changes);
        });
        done.listedBridges.forEach((uniqueId, bridgeId) -> {
            if (!done.touched.contains(uniqueId)) {
                bridges.computeIfAbsent(bridgeId, id -> new LinkedHashSet<>()).add(uniqueId);
                lastEntered.put(uniqueId, bridgeId);
            }
        });
        bridges.values().forEach(members -> members.retainAll(channels.uniqueIds()));
        lastEntered.keySet().retainAll(channels.uniqueIds());
        bridges.values().removeIf(Set::isEmpty);
        bridges.values().forEach(members -> peersOf(members, changes));
        dials.retainCallers(channels.uniqueIds());
    }

    /** Updates (or adds) the channel an event describes under these headers, unless it was hung up. */
    private void update(AmiEvent event, ChannelHeaders headers, List<ChannelChange> changes,
            Consumer<ChannelDraft> edit) {
        String uniqueId = event.value(headers.uniqueId());
        if (uniqueId == null || uniqueId.isEmpty() || hungUp.buried(uniqueId)) {
            return;
        }
        Channel known = channels.get(uniqueId);
        ChannelDraft draft = known == null ? new ChannelDraft(uniqueId, now) : ChannelDraft.of(known);
        draft.update(event, headers, now);
        edit.accept(draft);
        put(draft.build(), changes);
    }

    /** Updates a channel already known; unknown ones are left alone. */
    private void update(String uniqueId, List<ChannelChange> changes, Consumer<ChannelDraft> edit) {
        Channel known = channels.get(uniqueId);
        if (known != null) {
            ChannelDraft draft = ChannelDraft.of(known);
            edit.accept(draft);
            put(draft.build(), changes);
        }
    }

    private void put(Channel channel, List<ChannelChange> changes) {
        touch(channel.uniqueId());
        Channel before = channels.put(channel);
        if (before == null) {
            changes.add(new ChannelChange(Kind.ADDED, channel, null));
        } else if (!before.equals(channel)) {
            changes.add(new ChannelChange(Kind.CHANGED, channel, before));
        }
    }

    private void remove(String uniqueId, List<ChannelChange> changes) {
        touch(uniqueId);
        hungUp.bury(uniqueId);
        dials.forget(uniqueId);
        lastEntered.remove(uniqueId);
        Channel removed = channels.remove(uniqueId);
        if (removed != null) {
            changes.add(new ChannelChange(Kind.REMOVED, removed, null));
        }
    }

    private void touch(String uniqueId) {
        if (resync != null) {
            resync.touched.add(uniqueId);
        }
    }

    /** AMI's "HH:MM:SS" (hours may exceed 24); zero if garbled. */
    static Duration parseDuration(String text) {
        String[] parts = text.split(":");
        if (parts.length != 3) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                    .plusSeconds(Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
