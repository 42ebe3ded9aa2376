package org.amicus.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A bare AMI client for tests that must act on the real PBX behind the back of the connection under test: it logs in,
 * sends actions one at a time and reads each one's response, skipping events, or waits for one event. A read that
 * takes over 10 s fails.
 */
public final class RawAmi implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private int actions;

    public RawAmi() throws IOException {
        socket = new Socket(TestPbx.HOST, TestPbx.PORT);
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        in.readLine(); // banner
        send("Login", "Username", "amicus", "Secret", TestPbx.SECRET);
    }

    /** Sends an action given as header name and value pairs; returns its response's headers. */
    public Map<String, String> send(String action, String... headers) throws IOException {
        String actionId = write(action, headers);
        while (true) {
            Map<String, String> message = read();
            if (actionId.equals(message.get("ActionID")) && message.containsKey("Response")) {
                return message;
            }
        }
    }

    /**
     * Sends an action and reads until both its response and an event it causes have arrived, in whichever order the
     * PBX sends them (its events go through the PBX's message bus, its response does not); returns that event. An
     * error response fails at once.
     */
    public Map<String, String> sendAndAwait(Predicate<Map<String, String>> caused, String action, String... headers)
            throws IOException {
        String actionId = write(action, headers);
        boolean answered = false;
        Map<String, String> event = null;
        while (!answered || event == null) {
            Map<String, String> message = read();
            if (actionId.equals(message.get("ActionID")) && message.containsKey("Response")) {
                if (!"Success".equals(message.get("Response"))) {
                    throw new IOException(action + " failed: " + message);
                }
                answered = true;
            } else if (event == null && message.containsKey("Event") && caused.test(message)) {
                event = message;
            }
        }
        return event;
    }

    /** Sends an action that lists and returns the events it listed, up to the one that ends the list. */
    public List<Map<String, String>> list(String action, String endEvent) throws IOException {
        String actionId = write(action);
        List<Map<String, String>> listed = new ArrayList<>();
        while (true) {
            Map<String, String> message = read();
            if (actionId.equals(message.get("ActionID")) && message.containsKey("Event")) {
                if (endEvent.equals(message.get("Event"))) {
                    return listed;
                }
                listed.add(message);
            }
        }
    }

    /** Reads until an event of that name whose header has that value arrives; returns its headers. */
    public Map<String, String> awaitEvent(String name, String header, String value) throws IOException {
        while (true) {
            Map<String, String> message = read();
            if (name.equals(message.get("Event")) && value.equals(message.get(header))) {
                return message;
            }
        }
    }

    /**
     * Reads until an event of that name whose header has that value arrives; returns every event read on the way, that
     * one last: what the PBX did before it, as its own evidence.
     */
    public List<Map<String, String>> eventsUntil(String name, String header, String value) throws IOException {
        List<Map<String, String>> events = new ArrayList<>();
        while (true) {
            Map<String, String> message = read();
            if (message.containsKey("Event")) {
                events.add(message);
                if (name.equals(message.get("Event")) && value.equals(message.get(header))) {
                    return events;
                }
            }
        }
    }

    /**
     * Every event the PBX sent this connection since the last read, up to a {@code UserEvent} of its own sent now:
     * once an action was answered, what the PBX did about it (or did not do) is in there.
     */
    public List<Map<String, String>> eventsUntilNow() throws IOException {
        String mark = "amicus-mark-" + (actions + 1);
        write("UserEvent", "UserEvent", mark);
        return eventsUntil("UserEvent", "UserEvent", mark);
    }

    /** Writes an action frame; returns its action id. */
    private String write(String action, String... headers) throws IOException {
        String actionId = "raw-" + ++actions;
        StringBuilder frame = new StringBuilder("Action: " + action + "\r\nActionID: " + actionId + "\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            frame.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        out.write(frame.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return actionId;
    }

    private Map<String, String> read() throws IOException {
        Map<String, String> message = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (!message.isEmpty()) {
                    return message;
                }
                continue;
            }
            int colon = line.indexOf(':');
            message.putIfAbsent(colon < 0 ? line : line.substring(0, colon),
                    colon < 0 ? "" : line.substring(colon + 1).trim());
        }
        throw new IOException("the PBX closed the connection");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
