package org.amicus.cti.ui.parts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ChannelState;
import org.amicus.cti.Party;

/**
 * A call of my phone, as the channel registry shows it: my phone's channel, whom it is connected to, and the queue the
 * call came through, if any (the customer's channel of the same call runs {@code Queue}).
 *
 * @param mine  my phone's channel
 * @param other who my phone is connected to, or dials; {@link Party#UNKNOWN} if the PBX has not said
 * @param queue the queue's name, e.g. {@code support}; empty if the call came through none
 */
record MyCall(Channel mine, Party other, String queue) {

    /** Whether my phone talks in it: answered and in the PBX's bridge, what transfer, park and record act on. */
    boolean talking() {
        return mine.state() == ChannelState.UP && mine.answered() != null && !mine.bridgedWith().isEmpty();
    }

    /** Since when my phone talks in it, or since when it exists if not answered. */
    Instant since() {
        return Objects.requireNonNullElse(mine.answered(), mine.started());
    }

    /**
     * The calls of my phone (a device such as {@code PJSIP/108}); the calls I talk in first, the latest answered
     * first, as the actions take the latest; then the others, newest first.
     */
    static List<MyCall> of(ChannelSnapshot snapshot, String device) {
        if (device.isEmpty()) {
            return List.of();
        }
        return snapshot.channels().stream().filter(channel -> channel.device().equals(device))
                .map(channel -> of(snapshot, channel))
                .sorted(Comparator.comparing((MyCall call) -> !call.talking())
                        .thenComparing(MyCall::since, Comparator.reverseOrder()))
                .toList();
    }

    private static MyCall of(ChannelSnapshot snapshot, Channel mine) {
        Party other = mine.connectedLine();
        if (other.number().isEmpty() && other.name().isEmpty()) {
            other = snapshot.byName(mine.bridgedWith()).map(Channel::callerId)
                    .orElse(mine.exten().isEmpty() ? Party.UNKNOWN : new Party(mine.exten(), ""));
        }
        String queue = snapshot.channels().stream()
                .filter(channel -> channel.linkedId().equals(mine.linkedId())
                        && channel.application().equals("Queue"))
                .map(channel -> channel.applicationData().split(",", 2)[0]).findFirst().orElse("");
        return new MyCall(mine, other, queue);
    }
}
