package org.amicus.cti.ui.actions;

/**
 * What an agent does with the call of their own phone, from the My call part. The key bindings live in
 * {@code fragment.e4xmi}, as parameters of one command; {@link #keys} is how the buttons' tips show them.
 */
public enum MyCallAction {
    HANG_UP("hangUp", "Hang up", "Ctrl+Shift+E", "End my call"),
    TRANSFER("transfer", "Transfer…", "Ctrl+Shift+T", "Send the other party on to a number, a colleague or a queue"),
    PARK("park", "Park", "Ctrl+Shift+K", "Put the other party in the parking lot, to be taken back from any phone"),
    RECORD("record", "Record", "Ctrl+Shift+D", "Start or stop recording my call"),
    MUTE_RECORDING("muteRecording", "Mute recording", "Ctrl+Shift+M",
            "Record silence while the customer gives a card number, or record again");

    /** The id of the one command behind all these actions, and of its parameter naming the action. */
    public static final String COMMAND_ID = "org.amicus.cti.ui.command.myCallAction";
    public static final String PARAMETER_ID = "org.amicus.cti.ui.commandparameter.myCallAction";

    /** The command parameter's value, e.g. {@code hangUp}. */
    public final String parameterValue;
    public final String label;
    public final String keys;
    public final String purpose;

    MyCallAction(String parameterValue, String label, String keys, String purpose) {
        this.parameterValue = parameterValue;
        this.label = label;
        this.keys = keys;
        this.purpose = purpose;
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
