package org.amicus.cti.internal;

import java.time.Duration;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.CtiException;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.prefs.BackingStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link AgentProfiles} in the instance-scope Eclipse preferences of {@code org.amicus.cti}. */
@Component(service = AgentProfiles.class)
public class PreferenceAgentProfiles implements AgentProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(PreferenceAgentProfiles.class);
    private static final String DEVICE = "agent.device";
    private static final String AUTO_ANSWER = "agent.autoAnswer";
    private static final String DIAL_CONTEXT = "agent.dialContext";
    private static final String TIMEOUT_SECONDS = "agent.originateTimeoutSeconds";
    private static final String CALLER_ID = "agent.callerId";

    private IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode("org.amicus.cti");
    }

    @Override
    public AgentProfile current() {
        IEclipsePreferences stored = preferences();
        AgentProfile unset = AgentProfile.UNSET;
        try {
            return new AgentProfile(stored.get(DEVICE, unset.device()),
                    AutoAnswer.valueOf(stored.get(AUTO_ANSWER, unset.autoAnswer().name())),
                    stored.get(DIAL_CONTEXT, unset.dialContext()),
                    Duration.ofSeconds(stored.getLong(TIMEOUT_SECONDS, unset.originateTimeout().toSeconds())),
                    stored.get(CALLER_ID, unset.callerId()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the stored agent profile: {}", e.getMessage());
            return unset;
        }
    }

    @Override
    public void save(AgentProfile profile) {
        IEclipsePreferences stored = preferences();
        stored.put(DEVICE, profile.device());
        stored.put(AUTO_ANSWER, profile.autoAnswer().name());
        stored.put(DIAL_CONTEXT, profile.dialContext());
        stored.putLong(TIMEOUT_SECONDS, profile.originateTimeout().toSeconds());
        stored.put(CALLER_ID, profile.callerId());
        try {
            stored.flush();
        } catch (BackingStoreException e) {
            throw CtiException.of("cannotSaveAgent", e.getMessage());
        }
    }
}
