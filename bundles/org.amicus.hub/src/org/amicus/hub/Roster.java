package org.amicus.hub;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.amicus.cti.Channel;

/** The hub's users, by name and by phone, and which buckets the channels of a call belong in. */
public final class Roster {

    private final Map<String, Member> byUser = new LinkedHashMap<>();
    private final Map<String, Member> byPhone = new HashMap<>();

    /** @throws IllegalArgumentException if two members share a name or a phone */
    public Roster(List<Member> members) {
        for (Member member : members) {
            if (byUser.putIfAbsent(member.user(), member) != null) {
                throw new IllegalArgumentException("the user " + member.user() + " is listed twice");
            }
            Member other = byPhone.putIfAbsent(member.phone(), member);
            if (other != null) {
                throw new IllegalArgumentException(member.user() + " and " + other.user() + " have the same phone "
                        + member.phone());
            }
        }
    }

    public Collection<Member> members() {
        return byUser.values();
    }

    public Optional<Member> member(String user) {
        return Optional.ofNullable(byUser.get(user));
    }

    /** The member whose phone the channel is on, e.g. for {@code PJSIP/104-0000001c} the one of {@code PJSIP/104}. */
    public Optional<Member> ownerOf(Channel channel) {
        return withPhone(channel.device());
    }

    /** The member whose phone that is, e.g. {@code PJSIP/104}. */
    public Optional<Member> withPhone(String phone) {
        return Optional.ofNullable(byPhone.get(phone));
    }

    /**
     * The buckets one call's channels belong in: a call touching a phone of the roster is seen by that phone's
     * team (or, for a supervisor's phone, by that supervisor alone), every channel of it, the customer's too.
     */
    public Set<String> bucketsOf(Collection<Channel> call) {
        Set<String> buckets = new LinkedHashSet<>();
        call.forEach(channel -> ownerOf(channel).ifPresent(owner -> buckets.add(owner.phoneBucket())));
        return buckets;
    }

    /** Every bucket some member may watch. */
    public Set<String> allBuckets() {
        Set<String> buckets = new LinkedHashSet<>();
        byUser.values().forEach(member -> buckets.addAll(member.buckets()));
        return buckets;
    }
}
