package org.amicus.cti.ui.parts;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelState;
import org.amicus.cti.Party;
import org.amicus.cti.ui.Messages;

/**
 * One call of the Calls presentation: the channels of one call (one linked id), read as a contact centre reads them.
 * Which channels are the agents' is known from the phones with a hint on the PBX (the colleagues); every other channel
 * but Amicus's own {@code Local/} legs is a customer's, e.g. a trunk's.
 *
 * @param linkedId  the call's linked id
 * @param channels  its channels, oldest first
 * @param direction whether a customer called in, an agent called out, or phones called each other; unknown when
 *                  the phones are not known
 * @param customer  the customer (for an internal call, the phone called); {@link Party#UNKNOWN} if not known
 * @param agent     the agent's phone (for an internal call, the phone calling); {@link Party#UNKNOWN} if none
 * @param queue     the queue it came through, e.g. {@code support}; empty if none
 * @param queued    when the customer's channel that runs {@code Queue} began: the wait counts from it to the agent's
 *                  answer; {@code null} if it came through no queue
 * @param answered  when an agent's phone answered it; {@code null} while none has
 * @param state     on hold, talking, ringing, in the queue, dialling
 * @param started   when its first channel was created
 */
record CallRow(String linkedId, List<Channel> channels, Direction direction, Party customer, Party agent, String queue,
        Instant queued, Instant answered, State state, Instant started) {

    /** Which way the call goes; unknown while no agent's phone is known. */
    enum Direction {
        UNKNOWN, INBOUND, OUTBOUND, INTERNAL
    }

    /** Where the call stands, as the agent reads it. */
    enum State {
        ON_HOLD, TALKING, RINGING_AN_AGENT, RINGING, IN_THE_QUEUE, DIALLING, UP
    }

    /** The call these channels make up, given the devices of the agents' phones (e.g. {@code PJSIP/104}). */
    static CallRow of(List<Channel> call, Set<String> phones) {
        List<Channel> channels = call.stream()
                .sorted(Comparator.comparing(Channel::started).thenComparing(Channel::uniqueId)).toList();
        Channel first = channels.stream().filter(c -> c.uniqueId().equals(c.linkedId())).findFirst()
                .orElse(channels.get(0));
        Predicate<Channel> phone = c -> phones.contains(c.device());
        Predicate<Channel> customerSide = c -> !c.name().startsWith("Local/") && !phone.test(c);
        Optional<Channel> agentLeg = channels.stream().filter(phone)
                .min(Comparator.comparing((Channel c) -> !talking(c)).thenComparing(c -> !c.isRinging()));
        Direction direction;
        Party customer;
        Party agent;
        if (phones.isEmpty()) {
            direction = Direction.UNKNOWN;
            customer = first.callerId();
            agent = first.connectedLine();
        } else if (customerSide.test(first)) {
            direction = Direction.INBOUND;
            customer = first.callerId();
            agent = agentLeg.map(leg -> known(first.connectedLine()).orElse(ownNumber(leg))).orElse(Party.UNKNOWN);
        } else {
            direction = channels.stream().anyMatch(customerSide) ? Direction.OUTBOUND : Direction.INTERNAL;
            agent = first.callerId();
            customer = known(first.connectedLine()).orElse(new Party(first.exten(), ""));
        }
        Optional<Channel> queued = channels.stream().filter(c -> c.application().equals("Queue")).findFirst();
        String queue = queued.map(c -> c.applicationData().split(",", 2)[0]).orElse("");
        Instant answered = agentLeg.filter(CallRow::talking).map(Channel::answered).orElse(null);
        return new CallRow(first.linkedId(), channels, direction, customer, agent, queue,
                queued.map(Channel::started).orElse(null), answered, state(channels, !queue.isEmpty()),
                first.started());
    }

    private static boolean talking(Channel channel) {
        return channel.state() == ChannelState.UP && !channel.bridgedWith().isEmpty();
    }

    private static State state(List<Channel> channels, boolean queued) {
        if (channels.stream().anyMatch(Channel::onHold)) {
            return State.ON_HOLD;
        }
        if (channels.stream().anyMatch(CallRow::talking)) {
            return State.TALKING;
        }
        if (channels.stream().anyMatch(Channel::isRinging)) {
            return queued ? State.RINGING_AN_AGENT : State.RINGING;
        }
        if (queued) {
            return State.IN_THE_QUEUE;
        }
        return channels.stream().anyMatch(c -> c.state() == ChannelState.RING) ? State.DIALLING : State.UP;
    }

    private static Optional<Party> known(Party party) {
        return party.number().isEmpty() && party.name().isEmpty() ? Optional.empty() : Optional.of(party);
    }

    /** A phone's own number when the PBX has given no caller id: its device's, e.g. 104 for PJSIP/104. */
    private static Party ownNumber(Channel leg) {
        String device = leg.device();
        return new Party(device.substring(device.indexOf('/') + 1), "");
    }

    /** The cells of the call's row, in the order of {@link Messages#callsColumns}. */
    String[] cells(Instant now, Messages messages) {
        return new String[] { customer.describe(), agent.describe(), words(direction, messages), queue,
                queued == null ? "" : ChannelRows.clock(Duration.between(queued, answered != null ? answered : now)),
                words(state, messages), ChannelRows.clock(Duration.between(started, now)) };
    }

    private static String words(Direction direction, Messages messages) {
        return switch (direction) {
            case UNKNOWN -> "";
            case INBOUND -> messages.callInbound;
            case OUTBOUND -> messages.callOutbound;
            case INTERNAL -> messages.callInternal;
        };
    }

    private static String words(State state, Messages messages) {
        return switch (state) {
            case ON_HOLD -> messages.onHold;
            case TALKING -> messages.talking;
            case RINGING_AN_AGENT -> messages.ringingAnAgent;
            case RINGING -> messages.ringing;
            case IN_THE_QUEUE -> messages.inTheQueue;
            case DIALLING -> messages.dialling;
            case UP -> messages.callUp;
        };
    }
}
