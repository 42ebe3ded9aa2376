package org.amicus.cti.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.amicus.cti.AgentProfiles;
import org.amicus.cti.CallListener;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelChange.Kind;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns channel changes into ringing, answered and ended calls for the {@link CallListener} services. */
@Component(service = ChannelListener.class)
public class CallNotifier implements ChannelListener {

    private static final Logger LOG = LoggerFactory.getLogger(CallNotifier.class);

    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();

    /** The highest ranked: in hub mode, the one whose phone is the roster's. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AgentProfiles profiles;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCallListener(CallListener listener) {
        listeners.add(listener);
    }

    void removeCallListener(CallListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void channelsChanged(List<ChannelChange> changes) {
        if (listeners.isEmpty()) {
            return;
        }
        String myDevice = profiles.current().device();
        for (ChannelChange change : changes) {
            Channel channel = change.channel();
            boolean mine = channel.device().equals(myDevice);
            if (change.kind() == Kind.REMOVED) {
                tell(channel, mine, CallListener::ended);
            } else if (channel.isRinging() && (change.before() == null || !change.before().isRinging())) {
                tell(channel, mine, CallListener::ringing);
            } else if (channel.state() == ChannelState.UP && change.before() != null
                    && change.before().state() != ChannelState.UP) {
                tell(channel, mine, CallListener::answered);
            }
        }
    }

    private interface Notice {
        void to(CallListener listener, Channel channel, boolean mine);
    }

    private void tell(Channel channel, boolean mine, Notice notice) {
        for (CallListener listener : listeners) {
            try {
                notice.to(listener, channel, mine);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Call listener {} failed", listener, e);
            }
        }
    }
}
