package org.amicus.cti.hub;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names the hub and the desktops agree on: action subjects, inbox prefixes, key-value buckets and keys. A user is
 * known by the subject the broker lets it publish on ({@code amicus.act.<user>.<operation>}), never by a request's
 * body; each user has inboxes of its own, so that no one can read another's replies.
 */
public final class HubSubjects {

    /** What user, team and operation names may be: one subject token, one bucket-name part. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final String ACTIONS = "amicus.act";
    private static final String BUCKET_PREFIX = "amicus_";

    /**
     * What the leading hub publishes on every second while it serves (plain NATS, no JetStream): a desktop that hears
     * nothing on it for a few seconds knows that no hub serves it.
     */
    public static final String HEARTBEAT = "amicus.hub.alive";

    /**
     * What the leading hub publishes on (plain NATS) each call answered, completed or abandoned in a queue, as a
     * {@link org.amicus.cti.QueueChange} in JSON: events, not state, so not in the queues' bucket. Every user hears it,
     * as every user reads the queues.
     */
    public static final String QUEUE_EVENTS = "amicus.queue.events";

    /** The hubs' own bucket, which desktops cannot read: the lease that says which hub leads. */
    public static final String LEASE_BUCKET = BUCKET_PREFIX + "hub";

    /**
     * The boards every user of the roster may read, as a wallboard shows them: the queues (one entry per queue), the
     * colleagues' phones (one per hint) and the parked calls (one per space).
     */
    public static final String QUEUES_BUCKET = BUCKET_PREFIX + "queues";
    public static final String COLLEAGUES_BUCKET = BUCKET_PREFIX + "colleagues";
    public static final String PARKED_BUCKET = BUCKET_PREFIX + "parked";
    public static final List<String> BOARD_BUCKETS = List.of(QUEUES_BUCKET, COLLEAGUES_BUCKET, PARKED_BUCKET);

    private HubSubjects() {
    }

    /** The subject a user asks for an operation on, e.g. {@code amicus.act.alice.call}. */
    public static String action(String user, String operation) {
        return ACTIONS + "." + user + "." + operation;
    }

    /** What the hub listens on: every user's every operation. */
    public static String allActions() {
        return ACTIONS + ".*.*";
    }

    /** What a user may publish on: its own operations only. */
    public static String actionsOf(String user) {
        return ACTIONS + "." + user + ".>";
    }

    /** The user and operation of an action subject; {@code null} if it is not one. */
    public static String[] userAndOperation(String subject) {
        String[] tokens = subject.split("\\.");
        return tokens.length == 4 && subject.startsWith(ACTIONS + ".") ? new String[] { tokens[2], tokens[3] } : null;
    }

    /** The prefix of a user's reply subjects, e.g. {@code _INBOX_alice}. */
    public static String inboxPrefix(String user) {
        return "_INBOX_" + user;
    }

    /** The bucket of a team's channels, e.g. {@code amicus_team_sales}. */
    public static String teamBucket(String team) {
        return BUCKET_PREFIX + "team_" + team;
    }

    /** The bucket of the channels on one user's own phone, e.g. {@code amicus_user_sam}. */
    public static String userBucket(String user) {
        return BUCKET_PREFIX + "user_" + user;
    }

    /** The JetStream stream that holds a bucket. */
    public static String stream(String bucket) {
        return "KV_" + bucket;
    }

    /**
     * The key of a channel: its unique id, with every character a key may not hold written as {@code =XX} (hex of
     * its UTF-8 bytes; dots too, which would split the key into tokens), so that any id is a valid key.
     */
    public static String key(String uniqueId) {
        StringBuilder key = new StringBuilder();
        for (byte b : uniqueId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                key.append(c);
            } else {
                key.append('=').append(String.format("%02X", b & 0xff));
            }
        }
        return key.toString();
    }
}
