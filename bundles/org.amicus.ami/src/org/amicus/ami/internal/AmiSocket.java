package org.amicus.ami.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.amicus.ami.AmiEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The socket under asterisk-java, reading whole AMI frames itself. Every event goes to Amicus's own dispatch path
 * as an {@link AmiEvent}, known to asterisk-java or not; asterisk-java gets the protocol banner and the responses.
 * The events it would otherwise turn into objects one by one (where its class scanning works inside OSGi), and drop
 * silently when its queue is full, never reach it.
 */
final class AmiSocket implements SocketConnectionFacade {

    /** The greeting of an AMI server, e.g. "Asterisk Call Manager/9.0.0" or "Asterisk Manager Proxy/1.0". */
    private static final Pattern BANNER = Pattern.compile("[A-Za-z ]+ (Call Manager|Manager Proxy)/.*");
    /** A frame this long is no AMI a PBX sends: the connection is reset rather than the memory exhausted. */
    static final int MAX_FRAME = 16 << 20;

    private final Socket socket;
    private final LineReader lines;
    private final OutputStream out;
    private final Consumer<AmiEvent> events;
    private final Function<AmiEvent, ManagerEvent> typing;
    private final Deque<String> forAsteriskJava = new ArrayDeque<>();
    private boolean bannerRead;
    private volatile String failure;
    private volatile boolean greeted;
    private volatile boolean closing;

    AmiSocket(Socket socket, Consumer<AmiEvent> events, Function<AmiEvent, ManagerEvent> typing) throws IOException {
        this.socket = socket;
        this.lines = new LineReader(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.events = events;
        this.typing = typing;
    }

    @Override
    public String readLine() throws IOException {
        try {
            if (!bannerRead) {
                bannerRead = true;
                String banner = banner(lines.next()); // "Asterisk Call Manager/x.y.z": one line, no frame
                greeted = banner != null;
                return banner;
            }
            while (forAsteriskJava.isEmpty()) {
                List<String> frame = readFrame();
                if (frame == null) {
                    return null;
                }
                route(frame);
            }
            return forAsteriskJava.poll();
        } catch (IOException e) {
            if (!closing) {
                failure = e.getMessage();
            }
            throw e;
        }
    }

    /** Whether the server has sent its greeting, the first line. */
    boolean greeted() {
        return greeted;
    }

    /** Why reading ended, if it ended with an error rather than the end of the stream or a close of this side. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private static String banner(String line) throws IOException {
        if (line != null && !BANNER.matcher(line).matches()) {
            String shown = line.length() > 80 ? line.substring(0, 80) + "…" : line;
            throw new NotAmiException("the server does not speak AMI: it greeted with \""
                    + shown.replaceAll("\\p{Cntrl}", "?") + "\"");
        }
        return line;
    }

    /** The lines of the next frame, up to its blank line; {@code null} at the end of the stream. */
    private List<String> readFrame() throws IOException {
        List<String> frame = new ArrayList<>();
        long size = 0;
        String line;
        while ((line = lines.next()) != null) {
            if (!line.isEmpty()) {
                frame.add(line);
                size += line.length();
                if (size > MAX_FRAME) {
                    throw new IOException("a message from the PBX is longer than " + MAX_FRAME + " characters");
                }
            } else if (!frame.isEmpty()) {
                return frame;
            }
        }
        if (!frame.isEmpty()) {
            throw new IOException("the PBX closed the connection in the middle of a message");
        }
        return null;
    }

    private void route(List<String> frame) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(frame.size());
        boolean event = false;
        for (String line : frame) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon);
            event |= headers.isEmpty() && name.equalsIgnoreCase("Event");
            headers.add(new SimpleImmutableEntry<>(name, colon < 0 ? "" : valueAfter(line, colon)));
        }
        if (event) {
            events.accept(new AmiEvent(headers, typing));
        } else {
            forAsteriskJava.addAll(frame);
            forAsteriskJava.add("");
        }
    }

    /** The header's value: what follows the colon, without the white space in front. */
    private static String valueAfter(String line, int colon) {
        int start = colon + 1;
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        return line.substring(start);
    }

    /** The server at the other end is no AMI server. */
    static final class NotAmiException extends IOException {

        private static final long serialVersionUID = 1L;

        NotAmiException(String message) {
            super(message);
        }
    }

    @Override
    public void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        closing = true;
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
