package com.engagementtracker.command.people;

import com.engagementtracker.api.EventJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Cleans a store written before events kept personal data out: person names move from the stored
 * assignments to the directory, and "who did it" fields that hold a name instead of a person id are
 * emptied (see {@link PersonalData}). This rewrites stored events once, on purpose: a name that stays in
 * an event could never be forgotten. Spring Boot hands every {@code JavaMigration} bean to Flyway.
 */
@Component
public class V8__move_personal_data_out_of_events extends BaseJavaMigration {

    private final ObjectMapper json = EventJson.exactTrees();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement("""
                     select global_index, payload_type, payload_revision, payload from domain_event_entry
                     where payload_type in (?, ?, ?, ?) order by global_index""");
             PreparedStatement update = connection.prepareStatement(
                     "update domain_event_entry set payload = ?, payload_revision = ? where global_index = ?");
             PreparedStatement rename = connection.prepareStatement(
                     "update person_directory set display_name = ? where person_id = ?");
             PreparedStatement introduce = connection.prepareStatement(
                     "insert into person_directory (person_id, display_name) values (?, ?)")) {
            String[] types = {PersonalData.PERSON_ASSIGNED, "com.engagementtracker.api.events.EngagementOpenedEvent",
                    "com.engagementtracker.api.events.MetricRecordedEvent", "com.engagementtracker.api.events.MetricCorrectedEvent"};
            for (int i = 0; i < types.length; i++) {
                select.setString(i + 1, types[i]);
            }
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString("payload_type");
                    ObjectNode payload = (ObjectNode) json.readTree(rows.getBytes("payload"));
                    ObjectNode before = payload.deepCopy();
                    Optional<PersonalData.Introduction> name = PersonalData.scrub(type, payload);
                    if (!payload.equals(before)) {
                        update.setBytes(1, json.writeValueAsBytes(payload));
                        update.setString(2, PersonalData.revisionAfterScrub(type, rows.getString("payload_revision")));
                        update.setLong(3, rows.getLong("global_index"));
                        update.executeUpdate();
                    }
                    if (name.isPresent()) {
                        rename.setString(1, name.get().displayName());
                        rename.setString(2, name.get().personId());
                        if (rename.executeUpdate() == 0) {
                            introduce.setString(1, name.get().personId());
                            introduce.setString(2, name.get().displayName());
                            introduce.executeUpdate();
                        }
                    }
                }
            }
        }
    }
}
