package org.amicus.ami.internal;

import org.amicus.ami.AmiEvent;

/**
 * ActionIDs on the wire: Amicus puts a number of its own and '#' in front of the caller's id, so that every response
 * is matched to its request even when callers reuse ids; answers carry the caller's part back.
 */
final class ActionIds {

    private ActionIds() {
    }

    /** The id sent for the caller's id (which may be {@code null}). */
    static String onWire(long number, String callersId) {
        return callersId == null ? number + "#" : number + "#" + callersId;
    }

    /** The event's ActionID as the caller set it; empty if it has none. */
    static String ownPart(AmiEvent event) {
        return ownPart(event.get("ActionID").orElse(""));
    }

    /** The caller's part of an ActionID on the wire. */
    static String ownPart(String actionId) {
        return actionId.substring(actionId.indexOf('#') + 1);
    }
}
