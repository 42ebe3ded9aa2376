package org.amicus.hub;

/** What a user of the roster may do. */
public enum Role {
    /** Sees its team's calls; acts from its own phone; picks up calls it sees; hangs up only its own calls. */
    AGENT,
    /** Sees the calls of the teams it supervises; may also listen to, whisper to and barge into their agents' calls. */
    SUPERVISOR;

    /** As the roster and the JSON name it, e.g. {@code agent}. */
    public String label() {
        return name().toLowerCase();
    }
}
