package org.amicus.ami;

import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Receives the AMI events of an {@link AmiConnection}. Called on the connection's dispatch thread: return quickly
 * and hand long work to a thread of your own.
 */
@FunctionalInterface
public interface AmiEventListener {

    void onEvent(ManagerEvent event);
}
