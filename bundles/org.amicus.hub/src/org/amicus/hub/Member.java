package org.amicus.hub;

import java.util.List;
import java.util.stream.Stream;

import org.amicus.cti.hub.HubSubjects;

/**
 * One user of the roster.
 *
 * @param user     the user's name at the NATS servers, e.g. {@code alice}
 * @param password its password there
 * @param role     what it may do
 * @param phone    the phone every action of the user rings, e.g. {@code PJSIP/104}
 * @param teams    an agent's one team, or the teams a supervisor supervises
 */
public record Member(String user, String password, Role role, String phone, List<String> teams) {

    public Member {
        teams = List.copyOf(teams);
    }

    /** The buckets of the channels the user may see: an agent its team's; a supervisor its teams' and its own. */
    public List<String> buckets() {
        List<String> teamBuckets = teams.stream().map(HubSubjects::teamBucket).toList();
        if (role == Role.AGENT) {
            return teamBuckets;
        }
        return Stream.concat(teamBuckets.stream(), Stream.of(HubSubjects.userBucket(user))).toList();
    }

    /** The bucket the channels of this user's phone go to: an agent's team's, a supervisor's own. */
    public String phoneBucket() {
        return role == Role.AGENT ? HubSubjects.teamBucket(teams.get(0)) : HubSubjects.userBucket(user);
    }

    public boolean supervises(Member agent) {
        return role == Role.SUPERVISOR && agent.role == Role.AGENT && teams.contains(agent.teams.get(0));
    }

    @Override
    public String toString() {
        return "Member[" + user + ", " + role.label() + ", " + phone + ", " + teams + "]"; // never the password
    }
}
