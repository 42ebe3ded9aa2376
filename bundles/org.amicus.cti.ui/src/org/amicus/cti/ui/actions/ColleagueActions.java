package org.amicus.cti.ui.actions;

import java.util.Optional;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.Colleague;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.parts.Notifier;
import org.amicus.cti.ui.parts.PbxLink;
import org.eclipse.swt.widgets.Display;

/** Calls a colleague, or picks up the call ringing on a colleague's phone, from my phone; on the UI thread. */
public final class ColleagueActions {

    /** What an agent can do with a colleague. */
    public enum Action {
        CALL, PICK_UP;

        public String label(Messages messages) {
            return this == CALL ? messages.colleagueCall : messages.colleaguePickUp;
        }

        public String purpose(Messages messages) {
            return this == CALL ? messages.colleagueCallPurpose : messages.colleaguePickUpPurpose;
        }
    }

    private final CtiActions cti;
    private final AgentProfiles agents;
    private final ChannelRegistry channels;
    private final PbxLink link;
    private final Notifier notifier;
    private final ActionReports reports;
    private final Messages messages;

    /** Any service may be missing (null): the actions then say so. */
    public ColleagueActions(CtiActions cti, AgentProfiles agents, ChannelRegistry channels, PbxLink link,
            Notifier notifier, Display display, Messages messages) {
        this.cti = cti;
        this.agents = agents;
        this.channels = channels;
        this.link = link;
        this.notifier = notifier;
        this.messages = messages;
        this.reports = new ActionReports(notifier, display, messages);
    }

    /** Why the action cannot be taken on the colleague ({@code null} for none selected) now, if it cannot. */
    public Optional<String> whyNot(Action action, Colleague colleague) {
        if (cti == null || agents == null || channels == null || link.missing()) {
            return Optional.of(messages.ctiMissing);
        }
        if (!link.up()) {
            return Optional.of(messages.notConnected);
        }
        AgentProfile me = agents.current();
        if (!me.hasDevice()) {
            return Optional.of(messages.setMyPhoneFirst);
        }
        if (colleague == null) {
            return Optional.of(messages.selectColleague);
        }
        if (colleague.device().equals(me.device())) {
            return Optional.of(Messages.format(messages.isMyOwnPhone, colleague.extension()));
        }
        if (action == Action.PICK_UP && ringingCall(colleague).isEmpty()) {
            return Optional.of(Messages.format(messages.notRinging, colleague.extension()));
        }
        return Optional.empty();
    }

    /** Takes the action, or says why it cannot. */
    public void run(Action action, Colleague colleague) {
        Optional<String> refusal = whyNot(action, colleague);
        if (refusal.isPresent()) {
            notifier.bad(Messages.format(messages.refused, action.label(messages), refusal.get()));
            return;
        }
        String myPhone = agents.current().device();
        switch (action) {
            case CALL -> reports.track(Messages.format(messages.callTo, colleague.extension()), myPhone, cti.call(colleague.extension()),
                    outcome -> {
                    });
            case PICK_UP -> {
                Channel ringing = ringingCall(colleague).orElseThrow();
                reports.track(Messages.format(messages.pickUpOf, ringing.name()), myPhone, cti.pickUp(ringing.name()), outcome -> {
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
