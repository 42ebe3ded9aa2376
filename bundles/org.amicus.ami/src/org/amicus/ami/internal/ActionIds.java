package org.amicus.ami.internal;

import org.amicus.ami.AmiEvent;

/** The ActionID of an answer, as Amicus set it on the action: asterisk-java puts an id of its own and '#' in front. */
final class ActionIds {

    private ActionIds() {
    }

    /** The event's ActionID as Amicus set it; empty if it has none. */
    static String ownPart(AmiEvent event) {
        String actionId = event.get("ActionID").orElse("");
        return actionId.substring(actionId.lastIndexOf('#') + 1);
    }
}
