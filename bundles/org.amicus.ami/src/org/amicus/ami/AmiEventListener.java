package org.amicus.ami;

/**
 * Receives the AMI events of an {@link AmiConnection}, every one of them, in the order the PBX sent them. Called on
 * the connection's dispatch thread: return quickly and hand long work to a thread of your own. A listener that falls
 * too far behind loses events, and is then told to {@link #resync()}.
 */
public interface AmiEventListener {

    void onEvent(AmiEvent event);

    /**
     * Events may have been missed: the connection has just logged in (for the first time or again after a loss), or
     * listeners fell behind and events were dropped. Whatever was built from events should be rebuilt from the PBX's
     * current state.
     */
    default void resync() {
        // nothing built from events by default
    }
}
