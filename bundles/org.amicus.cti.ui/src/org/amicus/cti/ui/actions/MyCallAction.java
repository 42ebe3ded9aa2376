package org.amicus.cti.ui.actions;

import org.amicus.cti.ui.Messages;

/**
 * What an agent does with the call of their own phone, from the My call part. The key bindings live in
 * {@code fragment.e4xmi}, as parameters of one command; {@link #keys} is how the buttons' tips show them.
 */
public enum MyCallAction {
    HANG_UP("hangUp", 'E'), TRANSFER("transfer", 'T'), CONSULT("consult", 'N'), PARK("park", 'K'),
    RECORD("record", 'D'), MUTE_RECORDING("muteRecording", 'M');

    /** The id of the one command behind all these actions, and of its parameter naming the action. */
    public static final String COMMAND_ID = "org.amicus.cti.ui.command.myCallAction";
    public static final String PARAMETER_ID = "org.amicus.cti.ui.commandparameter.myCallAction";

    /** The command parameter's value, e.g. {@code hangUp}. */
    public final String parameterValue;
    private final char key;

    MyCallAction(String parameterValue, char key) {
        this.parameterValue = parameterValue;
        this.key = key;
    }

    /** What the action is called, e.g. "Park". */
    public String label(Messages messages) {
        return switch (this) {
            case HANG_UP -> messages.myCallHangUp;
            case TRANSFER -> messages.myCallTransfer;
            case CONSULT -> messages.myCallConsult;
            case PARK -> messages.myCallPark;
            case RECORD -> messages.myCallRecord;
            case MUTE_RECORDING -> messages.myCallMuteRecording;
        };
    }

    /** What the action does, for a tooltip. */
    public String purpose(Messages messages) {
        return switch (this) {
            case HANG_UP -> messages.myCallHangUpPurpose;
            case TRANSFER -> messages.myCallTransferPurpose;
            case CONSULT -> messages.myCallConsultPurpose;
            case PARK -> messages.myCallParkPurpose;
            case RECORD -> messages.myCallRecordPurpose;
            case MUTE_RECORDING -> messages.myCallMuteRecordingPurpose;
        };
    }

    /** Its key binding as the platform names it, e.g. "Ctrl+Shift+E", "Strg+Umschalt+E". */
    public String keys(Messages messages) {
        return messages.keysModifiers + key;
    }

    /** The action a command parameter names. */
    public static MyCallAction ofParameter(String value) {
        for (MyCallAction action : values()) {
            if (action.parameterValue.equals(value)) {
                return action;
            }
        }
        throw new IllegalArgumentException("No Amicus action on my call is called " + value);
    }
}
