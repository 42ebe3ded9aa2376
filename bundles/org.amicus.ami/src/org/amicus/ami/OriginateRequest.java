package org.amicus.ami;

import static org.amicus.ami.internal.HeaderValues.required;
import static org.amicus.ami.internal.HeaderValues.shaped;
import static org.amicus.ami.internal.HeaderValues.singleLine;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An AMI Originate: the PBX calls {@link #channel()} and, once it answers, connects it to a dialplan extension or
 * runs an application on it. Every value is checked when set, so nothing that could break an AMI header ever
 * reaches the PBX; the error names the field and says why.
 *
 * <pre>{@code
 * OriginateRequest.call("PJSIP/104").toExtension("from-agents", "2001", 1).timeout(Duration.ofSeconds(30)).build();
 * OriginateRequest.call("PJSIP/104").toApplication("Playback", "custom/welcome").build();
 * }</pre>
 * <p>
 * Only the {@link #APPLICATIONS applications} a desk needs can be run, so that no request can run a shell command,
 * set variables or dial out through the PBX's own applications. Variable values hold no comma, quote or backslash:
 * Asterisk would split a value at a comma into further variables, and drop its quotes and backslashes.
 */
public final class OriginateRequest {

    /** How long the called channel may ring when no timeout is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z][A-Za-z0-9_]*/[^\\s,&|]+");
    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern EXTEN = Pattern.compile("[A-Za-z0-9_*#+.-]+");
    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\([^()=]*\\))?");

    /**
     * The applications a request may run once the called channel answers: those of Amicus's own actions
     * ({@code PickupChan} to answer a ringing call, {@code Playback} a recording, {@code ChanSpy} to listen, whisper
     * or barge), and those an extension may reasonably offer from the agent's phone: {@code ParkedCall} (take a
     * parked call), {@code ConfBridge} (join a conference), {@code VoiceMailMain} (my voicemail), {@code Echo} and
     * {@code Milliwatt} (test the audio path), {@code Wait} and {@code Hangup} (hold the line, or end it with a
     * cause). Matched without regard to case, as Asterisk does.
     */
    public static final Set<String> APPLICATIONS = Set.of("PickupChan", "Playback", "ChanSpy", "ParkedCall",
            "ConfBridge", "VoiceMailMain", "Echo", "Milliwatt", "Wait", "Hangup");

    private final String channel;
    private final String context;
    private final String exten;
    private final int priority;
    private final String application;
    private final String data;
    private final Duration timeout;
    private final String callerId;
    private final Map<String, String> variables;

    private OriginateRequest(Builder builder) {
        channel = builder.channel;
        context = builder.context;
        exten = builder.exten;
        priority = builder.priority;
        application = builder.application;
        data = builder.data;
        timeout = builder.timeout;
        callerId = builder.callerId;
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(builder.variables));
    }

    /** Starts a request that calls this channel first, e.g. {@code PJSIP/104} or {@code Local/100@agents}. */
    public static Builder call(String channel) {
        return new Builder(shaped("channel", channel, CHANNEL, "PJSIP/104"));
    }

    public String channel() {
        return channel;
    }

    /** The dialplan context to continue in, when the request goes to an extension. */
    public Optional<String> context() {
        return Optional.ofNullable(context);
    }

    public Optional<String> exten() {
        return Optional.ofNullable(exten);
    }

    public int priority() {
        return priority;
    }

    /** The application to run, when the request goes to an application. */
    public Optional<String> application() {
        return Optional.ofNullable(application);
    }

    public Optional<String> data() {
        return Optional.ofNullable(data);
    }

    /** How long the channel may ring before the PBX gives up. */
    public Duration timeout() {
        return timeout;
    }

    public Optional<String> callerId() {
        return Optional.ofNullable(callerId);
    }

    /** Channel variables to set, in the order given. */
    public Map<String, String> variables() {
        return variables;
    }

    @Override
    public String toString() {
        String target = application != null ? application + "(" + (data == null ? "" : data) + ")"
                : exten + "@" + context + ":" + priority;
        return "Originate " + channel + " -> " + target;
    }

    /** Collects the parts of an {@link OriginateRequest}, checking each as it is given. */
    public static final class Builder {

        private final String channel;
        private String context;
        private String exten;
        private int priority;
        private String application;
        private String data;
        private Duration timeout = DEFAULT_TIMEOUT;
        private String callerId;
        private final Map<String, String> variables = new LinkedHashMap<>();

        private Builder(String channel) {
            this.channel = channel;
        }

        /** Once the channel answers, continue in the dialplan at this extension. */
        public Builder toExtension(String context, String exten, int priority) {
            if (priority < 1) {
                throw new IllegalArgumentException("priority must be 1 or more, not " + priority);
            }
            this.context = shaped("context", context, CONTEXT, "from-internal");
            this.exten = shaped("exten", exten, EXTEN, "2001");
            this.priority = priority;
            this.application = null;
            this.data = null;
            return this;
        }

        /**
         * Once the channel answers, run this application with these arguments (may be empty). The application must
         * be one of {@link OriginateRequest#APPLICATIONS}.
         */
        public Builder toApplication(String application, String data) {
            this.application = allowed(shaped("application", application, APPLICATION, "Playback"));
            this.data = data == null || data.isEmpty() ? null : singleLine("data", data);
            this.context = null;
            this.exten = null;
            this.priority = 0;
            return this;
        }

        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, not " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The caller id the called channel sees, e.g. {@code "Support" <2000>}. */
        public Builder callerId(String callerId) {
            this.callerId = required("caller id", callerId);
            return this;
        }

        /** A channel variable, e.g. {@code PJSIP_HEADER(add,Call-Info)}; a later value for a name replaces it. */
        public Builder variable(String name, String value) {
            shaped("variable name", name, VARIABLE, "PJSIP_HEADER(add,Call-Info)");
            variables.put(name, unsplit(name, singleLine("value of variable " + name, value)));
            return this;
        }

        private static String allowed(String application) {
            return APPLICATIONS.stream().filter(known -> known.equalsIgnoreCase(application)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("application \"" + application
                            + "\" is not one Amicus runs: use one of "
                            + String.join(", ", new TreeSet<>(APPLICATIONS))));
        }

        /** The value, if Asterisk will set it as given: it splits values at commas and drops quotes and backslashes. */
        private static String unsplit(String name, String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == ',' || c == '"' || c == '\\') {
                    throw new IllegalArgumentException("value of variable " + name + " must not contain " + c
                            + " (found at position " + i + "): Asterisk would "
                            + (c == ',' ? "split the value there into further variables" : "drop it"));
                }
            }
            return value;
        }

        public OriginateRequest build() {
            if (exten == null && application == null) {
                throw new IllegalArgumentException(
                        "an originate needs a destination: an extension or an application");
            }
            return new OriginateRequest(this);
        }
    }
}
