package org.amicus.ami;

/** A failure talking to the PBX, with a message a person can act on. Never carries a secret. */
public class AmiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AmiException(String message) {
        super(message);
    }

    public AmiException(String message, Throwable cause) {
        super(message, cause);
    }
}
