package org.amicus.cti.ui.actions;

import java.util.Optional;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelState;
import org.amicus.cti.ui.Messages;

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

    Optional<String> whyNot(ChannelAction action, Messages messages) {
        if (!connected) {
            return Optional.of(messages.notConnected);
        }
        if (action == ChannelAction.HANG_UP) {
            return mySessions > 0 ? Optional.empty()
                    : Optional.of(messages.noSessionLive);
        }
        if (!agent.hasDevice()) {
            return Optional.of(messages.setMyPhoneFirst);
        }
        if (!action.needsChannel()) {
            return Optional.empty();
        }
        if (goneName != null) {
            return Optional.of(Messages.format(messages.hasHungUp, goneName));
        }
        if (selected == null) {
            return Optional.of(action == ChannelAction.PICK_UP ? messages.selectRingingChannel : messages.selectChannel);
        }
        if (selected.device().equals(agent.device())) {
            return Optional.of(Messages.format(messages.isMyOwnPhone, selected.name()));
        }
        if (action == ChannelAction.PICK_UP && !selected.isRinging()) {
            return Optional.of(Messages.format(selected.answered() != null ? messages.noLongerRinging
                    : messages.notRinging, selected.name()));
        }
        if (action.isSpy() && selected.state() != ChannelState.UP) {
            return Optional.of(Messages.format(messages.notInCallYet, selected.name()));
        }
        return Optional.empty();
    }
}
