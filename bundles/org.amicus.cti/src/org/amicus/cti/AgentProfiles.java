package org.amicus.cti;

/** Where the agent profile is kept (Eclipse preferences). Available as an OSGi service. */
public interface AgentProfiles {

    /** The stored profile, or {@link AgentProfile#UNSET}. */
    AgentProfile current();

    /** Stores the profile; fails with a {@link CtiException} if it cannot be written. */
    void save(AgentProfile profile);
}
