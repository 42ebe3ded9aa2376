package org.amicus.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.amicus.cti.hub.HubSubjects;

/**
 * The NATS servers' {@code accounts} block for a roster, so that the broker itself refuses what a role may not do:
 * every user publishes only on its own action subjects and reads replies only on its own inbox prefix (a shared
 * {@code _INBOX.>} would let one user read another's replies), and watches only the buckets of the channels it may
 * see (one bucket per team: a filtered watch of one shared bucket would still reveal other keys' names through
 * {@code STREAM.INFO}) and the boards every user reads (queues, colleagues, parked calls), and hears the hub's
 * heartbeat and the queues' calls. The hub's own user may use JetStream, answer requests and
 * send the heartbeat and the queues' calls. Include the block in each server's
 * configuration; it holds the passwords: keep it readable by the server alone.
 */
public final class NatsConfig {

    /** The account every Amicus user is in, with JetStream. */
    public static final String ACCOUNT = "AMICUS";

    private NatsConfig() {
    }

    public static String accounts(HubConfig config) {
        StringBuilder out = new StringBuilder();
        out.append("# Written by `amicus hub nats-config` for ").append(config.roster().members().size())
                .append(" users: do not edit, write it again after changing the roster.\n");
        out.append("accounts {\n  ").append(ACCOUNT).append(": {\n    jetstream: enabled\n    users: [\n");
        user(out, config.natsUser(), config.natsPassword(), "hub", List.of("$JS.API.>", "$JS.FC.>", "$KV.>",
                HubSubjects.HEARTBEAT, HubSubjects.QUEUE_EVENTS),
                List.of(HubSubjects.actionsOf("*"), HubSubjects.inboxPrefix(config.natsUser()) + ".>"), true);
        for (Member member : config.roster().members()) {
            user(out, member.user(), member.password(), member.role().label() + " " + member.phone() + ", "
                    + String.join(" ", member.teams()), publications(member),
                    List.of(HubSubjects.inboxPrefix(member.user()) + ".>", HubSubjects.HEARTBEAT,
                            HubSubjects.QUEUE_EVENTS), false);
        }
        return out.append("    ]\n  }\n}\n").toString();
    }

    /**
     * A desktop's own action subjects, and what a watch of each of its buckets (its channels', the boards') needs,
     * nothing more.
     */
    static List<String> publications(Member member) {
        List<String> subjects = new ArrayList<>();
        subjects.add(HubSubjects.actionsOf(member.user()));
        for (String bucket : Stream.concat(member.buckets().stream(), HubSubjects.BOARD_BUCKETS.stream()).toList()) {
            String stream = HubSubjects.stream(bucket);
            subjects.add("$JS.API.STREAM.INFO." + stream);
            subjects.add("$JS.API.CONSUMER.CREATE." + stream + ".*.$KV." + bucket + ".>");
            subjects.add("$JS.API.CONSUMER.INFO." + stream + ".*");
            subjects.add("$JS.FC." + stream + ".>");   // flow control: without it the initial load stalls
        }
        return subjects;
    }

    private static void user(StringBuilder out, String user, String password, String comment, List<String> publish,
            List<String> subscribe, boolean responder) {
        out.append("      # ").append(comment).append('\n');
        out.append("      { user: ").append(quoted(user)).append(", password: ").append(quoted(password))
                .append(",\n        permissions: {\n");
        out.append("          publish: { allow: ").append(list(publish)).append(" }\n");
        out.append("          subscribe: { allow: ").append(list(subscribe)).append(" }\n");
        if (responder) {
            out.append("          allow_responses: true\n");
        }
        out.append("        } }\n");
    }

    private static String list(List<String> subjects) {
        return "[" + String.join(", ", subjects.stream().map(NatsConfig::quoted).toList()) + "]";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
