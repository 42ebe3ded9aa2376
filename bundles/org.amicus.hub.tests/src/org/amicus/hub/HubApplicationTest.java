package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code amicus hub} on its command line and its configuration file, before anything is connected. */
class HubApplicationTest {

    private static final String CONFIG = """
            {
              "pbx": { "host": "127.0.0.1", "user": "amicus-hub", "secret": "pbx-secret" },
              "nats": { "servers": ["nats://127.0.0.1:4222"], "user": "hub", "password": "hub-password-1" },
              "users": [
                { "user": "alice", "password": "alice-password", "role": "agent", "phone": "PJSIP/104", "team": "sales" },
                { "user": "sam", "password": "sam-password-1", "role": "supervisor", "phone": "PJSIP/108", "teams": ["sales"] }
              ]
            }
            """;

    @TempDir
    Path folder;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void natsConfigGivesEachUserItsOwnSubjectsAndBuckets() throws Exception {
        assertEquals(HubApplication.OK, run("nats-config", "--config", write(CONFIG)));
        String accounts = out.toString(StandardCharsets.UTF_8);
        assertTrue(accounts.contains("{ user: \"alice\", password: \"alice-password\",\n        permissions: {\n"
                + "          publish: { allow: [\"amicus.act.alice.>\", \"$JS.API.STREAM.INFO.KV_amicus_team_sales\", "
                + "\"$JS.API.CONSUMER.CREATE.KV_amicus_team_sales.*.$KV.amicus_team_sales.>\", "
                + "\"$JS.API.CONSUMER.INFO.KV_amicus_team_sales.*\", \"$JS.FC.KV_amicus_team_sales.>\", "
                + "\"$JS.API.STREAM.INFO.KV_amicus_queues\", "
                + "\"$JS.API.CONSUMER.CREATE.KV_amicus_queues.*.$KV.amicus_queues.>\", "
                + "\"$JS.API.CONSUMER.INFO.KV_amicus_queues.*\", \"$JS.FC.KV_amicus_queues.>\", "
                + "\"$JS.API.STREAM.INFO.KV_amicus_colleagues\", "
                + "\"$JS.API.CONSUMER.CREATE.KV_amicus_colleagues.*.$KV.amicus_colleagues.>\", "
                + "\"$JS.API.CONSUMER.INFO.KV_amicus_colleagues.*\", \"$JS.FC.KV_amicus_colleagues.>\", "
                + "\"$JS.API.STREAM.INFO.KV_amicus_parked\", "
                + "\"$JS.API.CONSUMER.CREATE.KV_amicus_parked.*.$KV.amicus_parked.>\", "
                + "\"$JS.API.CONSUMER.INFO.KV_amicus_parked.*\", \"$JS.FC.KV_amicus_parked.>\"] }\n"
                + "          subscribe: { allow: [\"_INBOX_alice.>\", \"amicus.hub.alive\", "
                + "\"amicus.queue.events\"] }\n"), accounts);
        assertTrue(accounts.contains("\"$JS.API.STREAM.INFO.KV_amicus_user_sam\""), "sam's own bucket: " + accounts);
    }

    @Test
    void aBadConfigurationSaysWhatAndWhere() throws Exception {
        String config = write(CONFIG.replace("\"phone\": \"PJSIP/108\"", "\"phone\": \"108; evil\""));
        assertEquals(HubApplication.BAD_INPUT, run("nats-config", "--config", config));
        assertEquals("amicus hub: " + config + ": user sam: phone \"108; evil\" is not like PJSIP/104\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void twoUsersOnOnePhoneAreRefused() throws Exception {
        String config = write(CONFIG.replace("PJSIP/108", "PJSIP/104"));
        assertEquals(HubApplication.BAD_INPUT, run("--config", config));
        assertEquals("amicus hub: " + config + ": sam and alice have the same phone PJSIP/104\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCommandShowsTheUsage() throws Exception {
        assertEquals(HubApplication.BAD_INPUT, run("serve", "--config", "hub.json"));
        assertEquals("usage: amicus hub [run | nats-config] --config FILE\n", err.toString(StandardCharsets.UTF_8));
    }

    private int run(String... args) throws InterruptedException {
        return new HubApplication().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String write(String config) throws Exception {
        Path file = folder.resolve("hub.json");
        Files.writeString(file, config);
        return file.toString();
    }
}
