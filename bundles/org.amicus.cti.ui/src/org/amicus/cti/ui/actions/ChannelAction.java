package org.amicus.cti.ui.actions;

import java.util.Locale;

import org.amicus.cti.ui.Messages;

/**
 * What an agent or supervisor can do from the Channels part. The key bindings live in {@code fragment.e4xmi}, as
 * parameters of one command; {@link #keys} is how the menu shows them.
 */
public enum ChannelAction {
    CALL('C'), PICK_UP('P'), PLAY_RECORDING('R'), LISTEN('L'), WHISPER('W'), BARGE('B'), HANG_UP('H');

    /** The id of the one command behind all actions, and of its parameter naming the action. */
    public static final String COMMAND_ID = "org.amicus.cti.ui.command.channelAction";
    public static final String PARAMETER_ID = "org.amicus.cti.ui.commandparameter.action";

    private final char key;

    ChannelAction(char key) {
        this.key = key;
    }

    /** What the action is called, e.g. "Pick up". */
    public String label(Messages messages) {
        return switch (this) {
            case CALL -> messages.actionCall;
            case PICK_UP -> messages.actionPickUp;
            case PLAY_RECORDING -> messages.actionPlayRecording;
            case LISTEN -> messages.actionListen;
            case WHISPER -> messages.actionWhisper;
            case BARGE -> messages.actionBarge;
            case HANG_UP -> messages.actionHangUp;
        };
    }

    /** What the action does, for a tooltip. */
    public String purpose(Messages messages) {
        return switch (this) {
            case CALL -> messages.actionCallPurpose;
            case PICK_UP -> messages.actionPickUpPurpose;
            case PLAY_RECORDING -> messages.actionPlayRecordingPurpose;
            case LISTEN -> messages.actionListenPurpose;
            case WHISPER -> messages.actionWhisperPurpose;
            case BARGE -> messages.actionBargePurpose;
            case HANG_UP -> messages.actionHangUpPurpose;
        };
    }

    /** Its key binding as the platform names it, e.g. "Ctrl+Shift+P", "Strg+Umschalt+P". */
    public String keys(Messages messages) {
        return messages.keysModifiers + key;
    }

    /** Whether the action works on the selected channel. */
    public boolean needsChannel() {
        return this == PICK_UP || isSpy();
    }

    public boolean isSpy() {
        return this == LISTEN || this == WHISPER || this == BARGE;
    }

    /** The command parameter's value for this action, e.g. {@code pickUp}. */
    public String parameterValue() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder value = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            value.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return value.toString();
    }

    /** The action a command parameter names. */
    public static ChannelAction ofParameter(String value) {
        for (ChannelAction action : values()) {
            if (action.parameterValue().equals(value)) {
                return action;
            }
        }
        throw new IllegalArgumentException("No Amicus action is called " + value);
    }
}
