package org.amicus.cti;

import java.util.List;

/**
 * Told of every change to the colleagues' phones, in the order the PBX reported them: programmatically through
 * {@link ColleagueRegistry#addListener}, or as an OSGi service (whiteboard). Called on a thread of the registry's own,
 * never on the AMI dispatch thread, one call at a time.
 */
@FunctionalInterface
public interface ColleagueListener {

    /** The changes one PBX event (or one resync) made, never empty. */
    void colleaguesChanged(List<ColleagueChange> changes);
}
