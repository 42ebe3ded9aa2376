package org.amicus.cti.ui.actions;

import java.util.Locale;

/**
 * What an agent or supervisor can do from the Channels part. The key bindings live in {@code fragment.e4xmi}, as
 * parameters of one command; {@link #keys} is how the menu shows them.
 */
public enum ChannelAction {
    CALL("Call…", "Ctrl+Shift+C", "Call a number from my phone"),
    PICK_UP("Pick up", "Ctrl+Shift+P", "Answer the selected ringing call on my phone"),
    PLAY_RECORDING("Play recording…", "Ctrl+Shift+R", "Have the PBX call my phone and play a recording"),
    LISTEN("Listen", "Ctrl+Shift+L", "Listen to the selected call, unheard"),
    WHISPER("Whisper", "Ctrl+Shift+W", "Speak to the selected channel's agent only"),
    BARGE("Barge", "Ctrl+Shift+B", "Join the selected call: both parties hear me"),
    HANG_UP("Hang up my session", "Ctrl+Shift+H", "End my listen, whisper or barge session");

    /** The id of the one command behind all actions, and of its parameter naming the action. */
    public static final String COMMAND_ID = "org.amicus.cti.ui.command.channelAction";
    public static final String PARAMETER_ID = "org.amicus.cti.ui.commandparameter.action";

    public final String label;
    public final String keys;
    public final String purpose;

    ChannelAction(String label, String keys, String purpose) {
        this.label = label;
        this.keys = keys;
        this.purpose = purpose;
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
