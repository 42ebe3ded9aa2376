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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

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
            case "Rename" -> rename(event, changes);
            case "Newexten" -> newExten(event, changes);
            case "LocalBridge" -> localPair(event, changes);
            case "DialBegin", "DialEnd" -> dial(event, changes);
            case "BridgeEnter", "BridgeLeave" -> bridge(event, changes);
            case "ChanSpyStart", "ChanSpyStop" -> spy(event, changes);
            case "Hold", "Unhold" -> hold(event, changes);
            case "CoreShowChannel" -> list(event);
            case "CoreShowChannelsComplete" -> reconcile(event, changes);
            default -> {
                if (event.value(OWN.channelState()) != null) {
                    refresh(event, OWN, changes);
                }
            }
        }
        return changes;
    }

    // The edits below are written out rather than passed as lambdas: a lambda that captures the event is made anew for
    // every event, which a JVM that has not yet compiled this path pays for in full (docs/performance.md).

    private void rename(AmiEvent event, List<ChannelChange> changes) {
        ChannelDraft draft = drafted(event, OWN);
        if (draft != null) {
            draft.name = event.get("Newname").orElse(draft.name);
        }
        put(draft, changes);
    }

    private void newExten(AmiEvent event, List<ChannelChange> changes) {
        ChannelDraft draft = drafted(event, OWN);
        if (draft != null) {
            draft.application = event.get("Application").orElse("");
            draft.applicationData = event.get("AppData").orElse("");
        }
        put(draft, changes);
    }

    private void hold(AmiEvent event, List<ChannelChange> changes) {
        ChannelDraft draft = drafted(event, OWN);
        if (draft != null) {
            draft.onHold = event.name().equals("Hold");
        }
        put(draft, changes);
    }

    /** Puts the channel as the event's headers tell it, talking with the given peers (none: ""). */
    private void putBridged(AmiEvent event, ChannelHeaders headers, String bridgedWith, List<ChannelChange> changes) {
        ChannelDraft draft = drafted(event, headers);
        if (draft != null) {
            draft.bridgedWith = bridgedWith;
        }
        put(draft, changes);
    }

    /**
     * While a Dial rings, or once it is answered, caller and destination are each other's peers. A caller may ring
     * several channels at once: it rings through to all of them until one answers, and then talks to that one.
     */
    private void dial(AmiEvent event, List<ChannelChange> changes) {
        boolean begins = event.name().equals("DialBegin");
        boolean connected = begins || event.get("DialStatus").orElse("").equals("ANSWER");
        String callerName = event.get("Channel").orElse("");
        putBridged(event, DEST, connected ? callerName : "", changes);
        String caller = event.get("Uniqueid").orElse("");
        if (caller.isEmpty() || hungUp.buried(caller)) {
            return; // an originate's Dial has no calling channel
        }
        String destination = event.get("DestUniqueid").orElse("");
        List<String> peers = begins ? dials.begin(caller, destination) : dials.end(caller, destination, connected);
        putBridged(event, OWN, String.join(", ", names(peers)), changes);
    }

    /** The names of those of these channels that are live, in their order. */
    private List<String> names(Collection<String> uniqueIds) {
        List<String> names = new ArrayList<>(uniqueIds.size());
        for (String uniqueId : uniqueIds) {
            Channel channel = channels.get(uniqueId);
            if (channel != null) {
                names.add(channel.name());
            }
        }
        return names;
    }

    /** The two halves of a Local channel carry one call between them. */
    private void localPair(AmiEvent event, List<ChannelChange> changes) {
        String one = event.get("LocalOneChannel").orElse("");
        String two = event.get("LocalTwoChannel").orElse("");
        putBridged(event, LOCAL_ONE, two, changes);
        putBridged(event, LOCAL_TWO, one, changes);
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
            refresh(event, OWN, changes);
        } else {
            members.remove(uniqueId);
            putBridged(event, OWN, "", changes);
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
        List<String> names = names(members);
        for (String member : members) {
            Channel known = channels.get(member);
            if (known != null) {
                ChannelDraft draft = ChannelDraft.of(known);
                draft.bridgedWith = othersThan(draft.name, names);
                put(draft, changes);
            }
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
        ChannelDraft spyer = drafted(event, SPYER);
        if (spyer != null) {
            spyer.spying = starts ? spyee : "";
        }
        put(spyer, changes);
        if (event.get("SpyeeUniqueid").isPresent()) {
            refresh(event, SPYEE, changes);
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
            put(draft, changes);
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

    /**
     * The channel an event describes under these headers (a new one if unknown), updated with what the event says;
     * null if the event names none, or it was hung up.
     */
    private ChannelDraft drafted(AmiEvent event, ChannelHeaders headers) {
        String uniqueId = event.value(headers.uniqueId());
        if (uniqueId == null || uniqueId.isEmpty() || hungUp.buried(uniqueId)) {
            return null;
        }
        Channel known = channels.get(uniqueId);
        ChannelDraft draft = known == null ? new ChannelDraft(uniqueId, now) : ChannelDraft.of(known);
        return draft.update(event, headers, now);
    }

    /** Updates (or adds) the channel the event describes under these headers; one it tells nothing new of stays. */
    private void refresh(AmiEvent event, ChannelHeaders headers, List<ChannelChange> changes) {
        String uniqueId = event.value(headers.uniqueId());
        Channel known = uniqueId == null ? null : channels.get(uniqueId);
        if (known != null && !ChannelDraft.changes(known, event, headers)) {
            touch(uniqueId);
        } else {
            put(drafted(event, headers), changes);
        }
    }

    /** Puts the drafted channel in the table, if there is one, and tells what changed. */
    private void put(ChannelDraft draft, List<ChannelChange> changes) {
        if (draft == null) {
            return;
        }
        Channel channel = draft.build();
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
