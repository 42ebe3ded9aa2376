package org.amicus.hub;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueRegistry;

/**
 * What the hub serves from: Amicus's own services on its one AMI session, as a desktop in direct mode has them.
 *
 * @param pbx          the AMI session
 * @param channels     the live channels, mirrored into the roster's buckets
 * @param actions      the call actions the desktops ask for
 * @param queueActions the queue actions they ask for
 * @param queues       the queues' board
 * @param colleagues   the colleagues' phones
 * @param parked       the parked calls
 */
public record PbxServices(AmiConnection pbx, ChannelRegistry channels, CtiActions actions, QueueActions queueActions,
        QueueRegistry queues, ColleagueRegistry colleagues, ParkedCalls parked) {
}
