package org.amicus.cti;

/** An agent action that cannot be done, with a message to show the agent, e.g. "… is no longer ringing". */
public class CtiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CtiException(String message) {
        super(message);
    }
}
