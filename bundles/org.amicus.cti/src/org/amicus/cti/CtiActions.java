package org.amicus.cti;

import java.util.concurrent.CompletableFuture;

import org.amicus.ami.OriginateOutcome;

/**
 * What an agent can do with one click, from the phone of the {@link AgentProfiles current agent profile}. Each action
 * completes with the outcome of the call to the agent's phone, exactly once; or exceptionally with a
 * {@link CtiException} saying why it cannot be done (no device set, the channel is no longer ringing, a bad number…)
 * or an {@link org.amicus.ami.AmiException} from the PBX. Available as an OSGi service.
 */
public interface CtiActions {

    /** Rings my phone, then dials the number in my dial context. */
    CompletableFuture<OriginateOutcome> call(String number);

    /** Answers, on my phone, a call ringing on another one: the channel must still ring. */
    CompletableFuture<OriginateOutcome> pickUp(String ringingChannel);

    /** Rings my phone and plays it a recording known to the PBX, e.g. {@code custom/welcome}. */
    CompletableFuture<OriginateOutcome> playBack(String recording);

    /** Rings my phone and joins it to an agent's channel to listen, whisper or barge. */
    CompletableFuture<OriginateOutcome> spy(String channel, SpyMode mode);

    /**
     * The same actions from the phone of this agent profile instead of the stored one: for a script that names its
     * phone, say. The stored profile is left as it is.
     */
    CtiActions as(AgentProfile agent);

    /**
     * Ends a session of mine (a spy or playback), given its outcome's channel id (or the channel's name); done if it
     * has ended already. Only a live channel of my own phone is hung up: anything else is refused with a
     * {@link CtiException}, and nothing is sent to the PBX.
     */
    CompletableFuture<Void> hangUp(String channelId);
}
