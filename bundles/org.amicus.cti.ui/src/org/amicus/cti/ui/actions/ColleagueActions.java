package org.amicus.cti.ui.actions;

import java.util.Optional;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.ConnectionState;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.Colleague;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ui.parts.Notifier;
import org.eclipse.swt.widgets.Display;

/** Calls a colleague, or picks up the call ringing on a colleague's phone, from my phone; on the UI thread. */
public final class ColleagueActions {

    /** What an agent can do with a colleague. */
    public enum Action {
        CALL("Call"), PICK_UP("Pick up");

        public final String label;

        Action(String label) {
            this.label = label;
        }
    }

    private final CtiActions cti;
    private final AgentProfiles agents;
    private final ChannelRegistry channels;
    private final AmiConnection connection;
    private final Notifier notifier;
    private final ActionReports reports;

    /** Any service may be missing (null): the actions then say so. */
    public ColleagueActions(CtiActions cti, AgentProfiles agents, ChannelRegistry channels, AmiConnection connection,
            Notifier notifier, Display display) {
        this.cti = cti;
        this.agents = agents;
        this.channels = channels;
        this.connection = connection;
        this.notifier = notifier;
        this.reports = new ActionReports(notifier, display);
    }

    /** Why the action cannot be taken on the colleague ({@code null} for none selected) now, if it cannot. */
    public Optional<String> whyNot(Action action, Colleague colleague) {
        if (cti == null || agents == null || channels == null || connection == null) {
            return Optional.of("The Amicus CTI service is not available");
        }
        if (connection.status().state() != ConnectionState.CONNECTED) {
            return Optional.of("Not connected to the PBX");
        }
        AgentProfile me = agents.current();
        if (!me.hasDevice()) {
            return Optional.of("Set my phone in the settings first");
        }
        if (colleague == null) {
            return Optional.of("Select a colleague");
        }
        if (colleague.device().equals(me.device())) {
            return Optional.of(colleague.extension() + " is my own phone");
        }
        if (action == Action.PICK_UP && ringingCall(colleague).isEmpty()) {
            return Optional.of(colleague.extension() + " is not ringing");
        }
        return Optional.empty();
    }

    /** Takes the action, or says why it cannot. */
    public void run(Action action, Colleague colleague) {
        Optional<String> refusal = whyNot(action, colleague);
        if (refusal.isPresent()) {
            notifier.bad(action.label + ": " + refusal.get());
            return;
        }
        String myPhone = agents.current().device();
        switch (action) {
            case CALL -> reports.track("Call to " + colleague.extension(), myPhone, cti.call(colleague.extension()),
                    outcome -> {
                    });
            case PICK_UP -> {
                Channel ringing = ringingCall(colleague).orElseThrow();
                reports.track("Pick-up of " + ringing.name(), myPhone, cti.pickUp(ringing.name()), outcome -> {
                });
            }
        }
    }

    /** The call ringing on the colleague's phone, as the channels show it: the channel is what PickupChan takes. */
    private Optional<Channel> ringingCall(Colleague colleague) {
        return channels.snapshot().channels().stream()
                .filter(channel -> channel.isRinging() && channel.device().equals(colleague.device())).findFirst();
    }
}
