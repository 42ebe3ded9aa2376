package org.amicus.ami;

/**
 * No connection to the PBX carried the action: there was none, or it ended before the action was answered, so that
 * whether the PBX carried it out is unknown. A caller that needs the PBX's answer (a health check, say) can tell this
 * apart from a refusal.
 */
public class AmiConnectionLostException extends AmiException {

    private static final long serialVersionUID = 1L;

    public AmiConnectionLostException(String message) {
        super(message);
    }
}
