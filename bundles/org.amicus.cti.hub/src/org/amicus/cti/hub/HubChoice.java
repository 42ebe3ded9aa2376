package org.amicus.cti.hub;

import java.util.Optional;

/**
 * How this desktop connects, as its settings keep it: directly to the PBX (the default), or through the hub, the NATS
 * servers and the user in the preferences, the password in secure storage. Hub mode starts from it unless the launch
 * names a hub itself; so a change takes effect at the next start. An OSGi service.
 */
public interface HubChoice {

    /** The hub to connect through, with its password; empty for the direct mode. */
    Optional<HubLogin> hub();

    /** Connects through this hub from the next start; fails with a {@link org.amicus.cti.CtiException}. */
    void useHub(HubLogin login);

    /** Connects directly to the PBX from the next start, and forgets the hub's password. */
    void useDirect();
}
