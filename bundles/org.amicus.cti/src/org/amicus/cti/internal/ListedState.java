package org.amicus.cti.internal;

/** A registry's state that a listing from the PBX checks: it expects one listing at a time by its ActionID. */
interface ListedState {

    /** Expects the listing asked for with this ActionID; an earlier one still under way is forgotten. */
    void expectListing(String actionId);

    /** The listing asked for will not come; returns whether it was the one expected (not yet replaced). */
    boolean abandonListing(String actionId);
}
