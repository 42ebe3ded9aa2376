package org.amicus.cti;

/**
 * One change to the colleagues' phones.
 *
 * @param kind      what happened
 * @param colleague the colleague as now, or as last known when removed
 * @param before    the colleague before a change; {@code null} when added or removed
 */
public record ColleagueChange(Kind kind, Colleague colleague, Colleague before) {

    public enum Kind {
        ADDED, CHANGED, REMOVED
    }
}
