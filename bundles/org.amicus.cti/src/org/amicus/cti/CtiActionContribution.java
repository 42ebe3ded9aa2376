package org.amicus.cti;

/**
 * An action a third-party bundle offers on a channel, shown with Amicus's own (e.g. "Copy caller to CRM"). Register
 * an implementation as an OSGi service (whiteboard).
 */
public interface CtiActionContribution {

    /** What the agent reads in the menu. */
    String label();

    /** Whether the action makes sense for this channel now; when not, it is shown disabled. */
    default boolean appliesTo(Channel channel) {
        return true;
    }

    /** Does it. Called on the UI thread when the agent chooses it: hand long work to a thread of your own. */
    void run(Channel channel);
}
