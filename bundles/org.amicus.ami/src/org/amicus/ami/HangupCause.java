package org.amicus.ami;

/**
 * Why Asterisk ended a channel: a Q.850 cause code and Asterisk's text for it.
 *
 * @param code e.g. 17 (user busy), 19 (no answer), 21 (call rejected), 1 (unallocated number)
 * @param text e.g. "Call Rejected"
 */
public record HangupCause(int code, String text) {

    /** For a person, e.g. "Call Rejected (cause 21)". */
    public String describe() {
        return text + " (cause " + code + ")";
    }
}
