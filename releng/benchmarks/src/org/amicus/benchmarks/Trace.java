package org.amicus.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A recorded AMI event stream in memory: the frames byte for byte, as the PBX sent them. It starts with the first
 * call's first channel and ends after the last hangup, so it can be played several times in a row.
 */
final class Trace {

    private final byte[] bytes;
    /** Where each frame starts; one more entry marks the end of the last. */
    private final int[] starts;

    private Trace(byte[] bytes, int[] starts) {
        this.bytes = bytes;
        this.starts = starts;
    }

    static Trace load(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int[] starts = new int[1024];
        int frames = 0;
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                if (frames + 2 > starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[++frames] = i + 4;
                i += 3;
            }
        }
        if (frames == 0 || starts[frames] != bytes.length) {
            throw new IOException(file + " is no AMI trace: it must hold whole CRLF-framed events");
        }
        return new Trace(bytes, Arrays.copyOf(starts, frames + 1));
    }

    int events() {
        return starts.length - 1;
    }

    long size() {
        return bytes.length;
    }

    byte[] bytes() {
        return bytes;
    }

    int start(int frame) {
        return starts[frame];
    }

    int length(int frame) {
        return starts[frame + 1] - starts[frame];
    }
}
