package casebird.harness.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of JSON records, one a line, each handed to the operating system
 * (unbuffered) before {@link #append} returns, so whatever a caller was told survives a
 * killed process. It is not forced to the device: surviving power loss is not the aim.
 *
 * <p>A kill in the middle of a write leaves a last line without its newline: that record
 * was never acknowledged, so opening drops it and appends after the last whole line.
 *
 * @param <T> the record type, a (usually sealed, {@code @JsonTypeInfo}) type Jackson maps
 */
public final class JsonLinesJournal<T> implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final Class<T> type;
    private final FileChannel channel;

    private JsonLinesJournal(Path file, Class<T> type, FileChannel channel) {
        this.file = file;
        this.type = type;
        this.channel = channel;
    }

    /**
     * Opens (or creates) a journal and reads back every whole record in it, oldest first.
     *
     * @throws UncheckedIOException when the file cannot be read or written, or a whole
     *     line is not a record of that type (naming the file and line)
     */
    public static <T> Opened<T> open(Path file, Class<T> type) {
        try {
            byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            int end = lastNewline(bytes) + 1;
            List<T> records = parse(file, type, new String(bytes, 0, end, StandardCharsets.UTF_8));
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            channel.truncate(end);
            channel.position(end);
            return new Opened<>(new JsonLinesJournal<>(file, type, channel), records);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file, e);
        }
    }

    /** A journal just opened and the records it already held. */
    public record Opened<T>(JsonLinesJournal<T> journal, List<T> records) {}

    /**
     * Appends one record, written through to the operating system.
     *
     * @throws UncheckedIOException when the write fails: the change must then not be
     *     acknowledged
     */
    public synchronized void append(T record) {
        try {
            byte[] line = (MAPPER.writerFor(type).writeValueAsString(record) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to journal " + file, e);
        }
    }

    /** Closes the file. */
    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close journal " + file, e);
        }
    }

    private static <T> List<T> parse(Path file, Class<T> type, String text) {
        List<T> records = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            try {
                records.add(MAPPER.readValue(lines[i], type));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("journal " + file + " line " + (i + 1)
                        + " is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
            }
        }
        return records;
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
