package org.amicus.cli;

import org.amicus.ami.OriginateOutcome;

/**
 * The exit codes of {@code amicus cli}, one per kind of ending a script may want to tell apart. They avoid 13, 23 and
 * 24, to which the Eclipse launcher gives meanings of its own (error logged, restart, relaunch).
 */
public enum Exit {
    OK(0, "done; for an action: answered (for pickup, playback and spy: and the PBX showed the action done)"),
    INTERNAL_ERROR(1, "an unexpected error (the message says which)"),
    BAD_INPUT(2, "bad command, option or value, or an action refused before anything was sent"),
    NO_ANSWER(3, "no answer: my phone rang until the timeout, or nobody was there"),
    BUSY(4, "busy"),
    FAILED(5, "network congested, or the call failed otherwise (with the hang-up cause)"),
    CONNECTION_LOST(6, "connection lost, or no answer from the PBX in time"),
    CANNOT_CONNECT(7, "cannot connect to the PBX, or it refused the login"),
    PERMISSION_DENIED(8, "the AMI user lacks a permission the command needs"),
    ACTION_FAILED(9, "my phone answered, but the action itself failed: nothing to pick up, nothing to join, or no"
            + " such recording"),
    INTERRUPTED(130, "interrupted (SIGINT); channels --watch ends with 0 when its standard input ends");

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
