package org.amicus.cti.hub.internal;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.hub.HubStatus;
import org.amicus.cti.hub.Identity;

/**
 * The agent's profile in hub mode: my phone is the one the hub's roster gives me (every action rings it, whatever the
 * settings say), none until the hub has said; the rest (auto-answer, caller id…) is the stored profile. Saving keeps
 * the stored phone, which the direct mode uses.
 */
public final class RosterAgentProfiles implements AgentProfiles {

    private final AgentProfiles stored;
    private final HubStatus hub;

    public RosterAgentProfiles(AgentProfiles stored, HubStatus hub) {
        this.stored = stored;
        this.hub = hub;
    }

    @Override
    public AgentProfile current() {
        return withDevice(stored.current(), hub.identity().map(Identity::phone).orElse(""));
    }

    @Override
    public void save(AgentProfile profile) {
        stored.save(withDevice(profile, stored.current().device()));
    }

    private static AgentProfile withDevice(AgentProfile profile, String device) {
        return new AgentProfile(device, profile.autoAnswer(), profile.dialContext(), profile.originateTimeout(),
                profile.callerId());
    }
}
