package org.amicus.ami;

/** Told of every change of an {@link AmiConnection}'s status, on the connection's own thread. */
@FunctionalInterface
public interface ConnectionStatusListener {

    void statusChanged(ConnectionStatus status);
}
