package com.engagementtracker.command.backup;

import com.engagementtracker.api.EventJson;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.command.people.PersonDirectory;
import com.engagementtracker.command.people.PersonalData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole event store as one gzipped JSON-lines file, and back: the way to back it up while the app
 * runs, and to move from the embedded default to PostgreSQL. First one line per person of the directory
 * ({@code {"person": {personId, displayName, forgottenAt}}}: names are not in the events), then one line per
 * event, in global order, with everything the store keeps: identifier, aggregate type, identifier and
 * sequence number, timestamp, payload type and revision, payload and metadata as JSON. The export reads the stored rows as they are
 * (no upcasting: a backup keeps old revisions old); the import appends them, serialized form untouched,
 * through the event store (the app's database, or Axon Server) into a store that must be empty. Snapshots, tokens and read models are not
 * in the file: the importing app rebuilds them from the events.
 */
@Component
public class EventStoreBackup {

    private static final String ROWS = """
            select global_index, event_identifier, type, aggregate_identifier, sequence_number, time_stamp,
                   payload_type, payload_revision, payload, meta_data
            from domain_event_entry order by global_index""";
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final EventStore eventStore;
    private final boolean storedHere;
    private final Serializer serializer;
    private final ObjectMapper json = EventJson.exactTrees();

    private final PersonDirectory directory;

    public EventStoreBackup(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, EventStore eventStore,
                            ObjectProvider<EventStorageEngine> storedHere,
                            @Qualifier("eventSerializer") Serializer serializer, PersonDirectory directory) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.eventStore = eventStore;
        this.storedHere = storedHere.getIfAvailable() != null;
        this.serializer = serializer;
    }

    /**
     * Whether {@link #export} can read the events: they are in this app's database (the embedded default or
     * PostgreSQL), not in Axon Server, which has its own backup tools.
     */
    public boolean canExport() {
        return storedHere;
    }

    /** Writes every stored event to {@code out}, gzipped; returns how many. Streams: memory stays flat. */
    public long export(OutputStream out) throws IOException {
        if (!storedHere) {
            throw new IllegalStateException("the events are in Axon Server, not in this app's database; back them up with "
                    + "Axon Server's own tools");
        }
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        Writer writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
        long[] count = {0};
        readOnly.executeWithoutResult(status -> jdbc.query(
                "select person_id, display_name, forgotten_at from person_directory order by person_id", row -> {
                    ObjectNode person = json.createObjectNode();
                    person.put("personId", row.getString("person_id"));
                    person.put("displayName", row.getString("display_name"));
                    Timestamp forgotten = row.getTimestamp("forgotten_at");
                    person.put("forgottenAt", forgotten == null ? null : forgotten.toInstant().toString());
                    write(writer, json.createObjectNode().set("person", person));
                }));
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            var statement = connection.prepareStatement(ROWS);
            statement.setFetchSize(1000);
            return statement;
        }, row -> {
            ObjectNode line = json.createObjectNode();
            line.put("globalIndex", row.getLong("global_index"));
            line.put("eventIdentifier", row.getString("event_identifier"));
            line.put("aggregateType", row.getString("type"));
            line.put("aggregateIdentifier", row.getString("aggregate_identifier"));
            line.put("sequenceNumber", row.getLong("sequence_number"));
            line.put("timestamp", row.getString("time_stamp"));
            line.put("payloadType", row.getString("payload_type"));
            line.put("payloadRevision", row.getString("payload_revision"));
            try {
                line.set("payload", json.readTree(row.getBytes("payload")));
                byte[] metaData = row.getBytes("meta_data");
                line.set("metaData", metaData == null ? json.createObjectNode() : json.readTree(metaData));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            write(writer, line);
            count[0]++;
        }));
        writer.flush();
        gzip.finish();
        return count[0];
    }

    private void write(Writer writer, JsonNode line) {
        try {
            writer.write(json.writeValueAsString(line));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends every event of a file written by {@link #export} to this store, which must be empty; returns how
     * many. The whole file is read and checked once before anything is stored, so a damaged file stores nothing.
     */
    public long importFrom(Path file) throws IOException {
        if (!isEmpty(eventStore)) {
            throw new IllegalStateException("the event store is not empty; import only into a new, empty store");
        }
        read(file, false);
        return read(file, true);
    }

    /** Whether a store holds no event at all: the embedded or PostgreSQL one, or Axon Server's. */
    public static boolean isEmpty(EventStore store) {
        try (BlockingStream<TrackedEventMessage<?>> events = store.openStream(null)) {
            return !events.hasNextAvailable(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking into the event store", e);
        }
    }

    private long read(Path file, boolean store) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            long count = 0;
            long number = 0;
            List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                JsonNode entry;
                try {
                    entry = line.isBlank() ? null : json.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("line " + number + " is not JSON: " + e.getOriginalMessage());
                }
                if (entry != null && entry.has("person")) {
                    JsonNode person = entry.get("person");
                    if (store) {
                        directory.restore(new PersonId(person.get("personId").asText()), person.path("displayName").textValue(),
                                person.path("forgottenAt").isTextual() ? Instant.parse(person.get("forgottenAt").asText()) : null);
                    }
                } else if (entry != null) {
                    DomainEventMessage<?> event = event(entry, number, store);
                    count++;
                    if (store) {
                        batch.add(event);
                    }
                }
                if (batch.size() == BATCH) {
                    append(batch);
                }
            }
            append(batch);
            return count;
        }
    }

    private void append(List<DomainEventMessage<?>> batch) {
        if (!batch.isEmpty()) {
            transactions.executeWithoutResult(status -> eventStore.publish(batch));
            batch.clear();
        }
    }

    /** The event a line holds; names found in old events go to the directory, but only when {@code store}. */
    private DomainEventMessage<?> event(JsonNode line, long number, boolean store) throws IOException {
        for (String field : new String[]{"eventIdentifier", "aggregateType", "aggregateIdentifier", "sequenceNumber",
                "timestamp", "payloadType", "payload"}) {
            if (!line.hasNonNull(field)) {
                throw new IllegalArgumentException("line " + number + " is not an exported event: it has no " + field);
            }
        }
        String type = line.get("payloadType").asText();
        String revision = line.path("payloadRevision").textValue();
        ObjectNode body = (ObjectNode) line.get("payload");
        if (PersonalData.concerns(type)) {
            // an export from before personal data left the events: the name goes to the directory instead
            PersonalData.scrub(type, body).filter(name -> store).ifPresent(name ->
                    directory.introduce(new PersonId(name.personId()), name.displayName()));
            revision = PersonalData.revisionAfterScrub(type, revision);
        }
        SimpleSerializedObject<byte[]> payload = new SimpleSerializedObject<>(json.writeValueAsBytes(body),
                byte[].class, type, revision);
        SimpleSerializedObject<byte[]> metaData = new SimpleSerializedObject<>(json.writeValueAsBytes(line.get("metaData")),
                byte[].class, MetaData.class.getName(), null);
        SerializedMessage<?> message = new SerializedMessage<>(line.get("eventIdentifier").asText(), payload, metaData,
                serializer);
        return new GenericDomainEventMessage<>(line.get("aggregateType").asText(), line.get("aggregateIdentifier").asText(),
                line.get("sequenceNumber").asLong(), message, DateTimeUtils.parseInstant(line.get("timestamp").asText()));
    }
}
