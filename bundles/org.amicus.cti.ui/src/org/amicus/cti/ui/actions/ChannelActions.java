package org.amicus.cti.ui.actions;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.CtiActions;
import org.amicus.cti.Inputs;
import org.amicus.cti.SpyMode;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.dialogs.InputPrompt;
import org.amicus.cti.ui.parts.Failures;
import org.amicus.cti.ui.parts.Notifier;
import org.amicus.cti.ui.parts.PbxLink;
import org.eclipse.swt.widgets.Shell;

/**
 * Takes the {@link ChannelAction}s for the Channels part, on the UI thread: says why one cannot be taken, asks for
 * what it needs, and reports its outcome. Keeps the listen, whisper and barge sessions I started, so that
 * "Hang up my session" ends the latest one still live.
 */
public final class ChannelActions {

    private final CtiActions cti;
    private final AgentProfiles agents;
    private final ChannelRegistry registry;
    private final PbxLink link;
    private final Notifier notifier;
    private final Shell shell;
    private final ActionReports reports;
    private final Messages messages;
    private final Deque<String> mySessions = new ArrayDeque<>(); // channel ids, latest first

    /** Any service may be missing (null): the actions then say so. */
    public ChannelActions(CtiActions cti, AgentProfiles agents, ChannelRegistry registry, PbxLink link,
            Notifier notifier, Shell shell, Messages messages) {
        this.cti = cti;
        this.agents = agents;
        this.registry = registry;
        this.link = link;
        this.notifier = notifier;
        this.shell = shell;
        this.messages = messages;
        this.reports = new ActionReports(notifier, shell.getDisplay(), messages);
    }

    /** Why the action cannot be taken on the selected channel ({@code null} for none) now, if it cannot. */
    public Optional<String> whyNot(ChannelAction action, Channel selected) {
        return whyNot(action, selected, registry == null ? ChannelSnapshot.EMPTY : registry.snapshot());
    }

    /** The same, against channels just taken from the registry: one snapshot can serve every action. */
    public Optional<String> whyNot(ChannelAction action, Channel selected, ChannelSnapshot now) {
        if (cti == null || agents == null || registry == null || link.missing()) {
            return Optional.of(messages.ctiMissing);
        }
        mySessions.removeIf(id -> now.byUniqueId(id).isEmpty());
        Channel live = selected == null ? null : now.byUniqueId(selected.uniqueId()).orElse(null);
        String gone = selected != null && live == null ? selected.name() : null;
        boolean connected = link.up();
        return new ActionPolicy(connected, agents.current(), live, gone, mySessions.size()).whyNot(action, messages);
    }

    /** Takes the action, or says why it cannot. */
    public void run(ChannelAction action, Channel selected) {
        Optional<String> refusal = whyNot(action, selected);
        if (refusal.isPresent()) {
            notifier.bad(Messages.format(messages.refused, action.label(messages).replace("\u2026", ""), refusal.get()));
            return;
        }
        switch (action) {
            case CALL -> InputPrompt.ask(shell, messages, messages.callTitle, messages.callQuestion,
                    number -> Inputs.numberProblem(number, Locale.getDefault()))
                    .ifPresent(number -> track(Messages.format(messages.callTo, number), cti.call(number), false));
            case PICK_UP -> track(Messages.format(messages.pickUpOf, selected.name()), cti.pickUp(selected.name()),
                    false);
            case PLAY_RECORDING -> InputPrompt.ask(shell, messages, messages.playRecordingTitle,
                    messages.playRecordingQuestion,
                    recording -> Inputs.recordingProblem(recording, Locale.getDefault()))
                    .ifPresent(recording -> track(Messages.format(messages.playbackOf, recording),
                            cti.playBack(recording), false)); // its outcome comes once it has played
            case LISTEN -> spy(selected, SpyMode.LISTEN, messages.listeningTo);
            case WHISPER -> spy(selected, SpyMode.WHISPER, messages.whisperingTo);
            case BARGE -> spy(selected, SpyMode.BARGE, messages.bargingInto);
            case HANG_UP -> hangUpLatestSession();
        }
    }

    private void spy(Channel channel, SpyMode mode, String what) {
        track(Messages.format(what, channel.name()), cti.spy(channel.name(), mode), true);
    }

    private void track(String what, CompletableFuture<OriginateOutcome> action, boolean session) {
        reports.track(what, agents.current().device(), action, outcome -> {
            if (session) {
                mySessions.push(outcome.channelId());
            }
        });
    }

    private void hangUpLatestSession() {
        String session = mySessions.pop();
        cti.hangUp(session).whenComplete((done, failure) -> reports.onUiThread(() -> {
            if (failure == null) {
                notifier.good(messages.sessionEnded);
            } else {
                notifier.bad(Messages.format(messages.cannotEndSession, Failures.message(failure)));
            }
        }));
    }
}
