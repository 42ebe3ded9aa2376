package org.amicus.cti.ui.actions;

import java.util.Optional;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelState;

/**
 * When an action can be taken, and in words why not when it cannot: what a disabled button or menu item says.
 *
 * @param connected  whether Amicus is connected to the PBX
 * @param agent      my agent profile
 * @param selected   the selected channel as it is now; {@code null} if none is selected or it has gone
 * @param goneName   the name of the selected channel if it has gone; {@code null} otherwise
 * @param mySessions how many listen, whisper or barge sessions of mine are live
 */
record ActionPolicy(boolean connected, AgentProfile agent, Channel selected, String goneName, int mySessions) {

    Optional<String> whyNot(ChannelAction action) {
        if (!connected) {
            return Optional.of("Not connected to the PBX");
        }
        if (action == ChannelAction.HANG_UP) {
            return mySessions > 0 ? Optional.empty()
                    : Optional.of("No listen, whisper or barge session of mine is live");
        }
        if (!agent.hasDevice()) {
            return Optional.of("Set my phone in the settings first");
        }
        if (!action.needsChannel()) {
            return Optional.empty();
        }
        if (goneName != null) {
            return Optional.of(goneName + " has hung up");
        }
        if (selected == null) {
            return Optional.of(action == ChannelAction.PICK_UP ? "Select a ringing channel" : "Select a channel");
        }
        if (selected.device().equals(agent.device())) {
            return Optional.of(selected.name() + " is my own phone");
        }
        if (action == ChannelAction.PICK_UP && !selected.isRinging()) {
            return Optional.of(selected.name() + (selected.answered() != null ? " is no longer ringing"
                    : " is not ringing"));
        }
        if (action.isSpy() && selected.state() != ChannelState.UP) {
            return Optional.of(selected.name() + " is not in a call yet");
        }
        return Optional.empty();
    }
}
