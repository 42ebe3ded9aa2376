package org.amicus.ami;

import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Receives the AMI events of an {@link AmiConnection}. Called on the connection's dispatch thread: return quickly
 * and hand long work to a thread of your own.
 */
public interface AmiEventListener {

    void onEvent(ManagerEvent event);

    /**
     * The connection has just logged in, for the first time or again after a loss: events may have been missed, so
     * whatever was built from them should be rebuilt from the PBX's current state.
     */
    default void resync() {
        // nothing built from events by default
    }
}
