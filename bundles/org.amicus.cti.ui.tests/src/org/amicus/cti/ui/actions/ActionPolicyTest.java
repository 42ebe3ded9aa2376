package org.amicus.cti.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelState;
import org.amicus.cti.Party;
import org.amicus.cti.ui.Messages;
import org.amicus.testing.ui.UiHarness;
import org.junit.jupiter.api.Test;

/** What each action says when it cannot be taken: the words on a disabled button. */
class ActionPolicyTest {

    private static final AgentProfile ME = new AgentProfile("PJSIP/108", AutoAnswer.CALL_INFO, "amicus",
            Duration.ofSeconds(20), "");
    private static final Instant NOW = Instant.now();
    private static final Messages ENGLISH = UiHarness.messages(Messages.class, Locale.ENGLISH);

    private static Channel channel(String name, ChannelState state, Instant answered) {
        return new Channel("1700000000." + name.length(), name, "1700000000.1", state, new Party("", ""), new Party("", ""),
                "amicus", "104", "", "", "", "", NOW, answered);
    }

    private static Optional<String> whyNot(ChannelAction action, Channel selected) {
        return new ActionPolicy(true, ME, selected, null, 0).whyNot(action, ENGLISH);
    }

    @Test
    void pickUpNeedsAChannelStillRingingOnSomeoneElsesPhone() {
        assertEquals(Optional.of("Select a ringing channel"), whyNot(ChannelAction.PICK_UP, null));
        assertEquals(Optional.empty(), whyNot(ChannelAction.PICK_UP, channel("PJSIP/104-1c", ChannelState.RINGING,
                null)));
        assertEquals(Optional.of("PJSIP/104-1c is no longer ringing"), whyNot(ChannelAction.PICK_UP,
                channel("PJSIP/104-1c", ChannelState.UP, NOW)));
        assertEquals(Optional.of("PJSIP/104-1c is not ringing"), whyNot(ChannelAction.PICK_UP,
                channel("PJSIP/104-1c", ChannelState.DOWN, null)));
        // the calling side (a phone dialling, a call in over a trunk) waits in Ring, which PickupChan refuses
        assertEquals(Optional.of("PJSIP/105-1d is not ringing"), whyNot(ChannelAction.PICK_UP,
                channel("PJSIP/105-1d", ChannelState.RING, null)));
        assertEquals(Optional.of("PJSIP/108-2a is my own phone"), whyNot(ChannelAction.PICK_UP,
                channel("PJSIP/108-2a", ChannelState.RINGING, null)));
        assertEquals(Optional.of("PJSIP/104-1c has hung up"),
                new ActionPolicy(true, ME, null, "PJSIP/104-1c", 0).whyNot(ChannelAction.PICK_UP, ENGLISH));
    }

    @Test
    void spyingNeedsAnAnsweredChannelOfSomeoneElse() {
        Channel talking = channel("PJSIP/105-3b", ChannelState.UP, NOW);
        for (ChannelAction spy : new ChannelAction[] { ChannelAction.LISTEN, ChannelAction.WHISPER,
                ChannelAction.BARGE }) {
            assertEquals(Optional.empty(), whyNot(spy, talking));
            assertEquals(Optional.of("Select a channel"), whyNot(spy, null));
            assertEquals(Optional.of("PJSIP/104-1c is not in a call yet"),
                    whyNot(spy, channel("PJSIP/104-1c", ChannelState.RINGING, null)));
        }
    }

    @Test
    void everyActionNeedsTheConnectionAndMostNeedMyPhone() {
        for (ChannelAction action : ChannelAction.values()) {
            assertEquals(Optional.of("Not connected to the PBX"),
                    new ActionPolicy(false, ME, null, null, 1).whyNot(action, ENGLISH));
        }
        AgentProfile noPhone = AgentProfile.UNSET;
        assertEquals(Optional.of("Set my phone in the settings first"),
                new ActionPolicy(true, noPhone, null, null, 0).whyNot(ChannelAction.CALL, ENGLISH));
        assertEquals(Optional.empty(), whyNot(ChannelAction.CALL, null));
        assertEquals(Optional.empty(), whyNot(ChannelAction.PLAY_RECORDING, null));
    }

    @Test
    void hangUpNeedsASessionOfMine() {
        assertEquals(Optional.of("No listen, whisper or barge session of mine is live"),
                whyNot(ChannelAction.HANG_UP, null));
        assertEquals(Optional.empty(), new ActionPolicy(true, ME, null, null, 1).whyNot(ChannelAction.HANG_UP, ENGLISH));
    }
}
