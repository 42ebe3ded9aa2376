package org.amicus.cti.hub;

/** Told when a hub starts or stops serving the desktop: see {@link HubStatus}. */
@FunctionalInterface
public interface HubStatusListener {

    /** @param status the status now: {@link HubStatus#problem()} says why not, if no hub serves */
    void hubStatusChanged(HubStatus status);
}
