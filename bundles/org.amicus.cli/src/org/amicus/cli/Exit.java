package org.amicus.cli;

import org.amicus.ami.OriginateOutcome;

/**
 * The exit codes of {@code amicus cli}, one per kind of ending a script may want to tell apart. They avoid 13, 23 and
 * 24, to which the Eclipse launcher gives meanings of its own (error logged, restart, relaunch).
 */
public enum Exit {
    OK(0, Messages.exitOk),
    INTERNAL_ERROR(1, Messages.exitInternalError),
    BAD_INPUT(2, Messages.exitBadInput),
    NO_ANSWER(3, Messages.exitNoAnswer),
    BUSY(4, Messages.exitBusy),
    FAILED(5, Messages.exitFailed),
    CONNECTION_LOST(6, Messages.exitConnectionLost),
    CANNOT_CONNECT(7, Messages.exitCannotConnect),
    PERMISSION_DENIED(8, Messages.exitPermissionDenied),
    ACTION_FAILED(9, Messages.exitActionFailed),
    INTERRUPTED(130, Messages.exitInterrupted);

    private final int code;
    private final String meaning;

    Exit(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    String meaning() {
        return meaning;
    }

    /** The exit for an action's outcome. */
    static Exit of(OriginateOutcome.Result result) {
        return switch (result) {
            case ANSWERED -> OK;
            case NO_ANSWER -> NO_ANSWER;
            case BUSY -> BUSY;
            case CONGESTED, FAILED -> FAILED;
            case CONNECTION_LOST, TIMEOUT -> CONNECTION_LOST;
            case ACTION_FAILED -> ACTION_FAILED;
        };
    }
}
