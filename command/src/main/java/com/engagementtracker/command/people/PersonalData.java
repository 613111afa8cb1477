package com.engagementtracker.command.people;

import com.engagementtracker.api.ClientChosenId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for personal data in stored events, for events written before it held: a person's name
 * leaves the payload for the directory, and a "who did it" field keeps only a person id. Applied by the
 * migration that cleans an existing store, and by the import of an old export.
 */
public final class PersonalData {

    private static final String EVENTS = "com.engagementtracker.api.events.";
    private static final Map<String, String> ACTOR_FIELDS = Map.of(
            EVENTS + "EngagementOpenedEvent", "owner",
            EVENTS + "MetricRecordedEvent", "recordedBy",
            EVENTS + "MetricCorrectedEvent", "correctedBy");
    static final String PERSON_ASSIGNED = EVENTS + "PersonAssignedEvent";

    /** A name taken out of an event, for the directory. */
    public record Introduction(String personId, String displayName) {
    }

    private PersonalData() {
    }

    /** Whether a stored event of this type may hold personal data from before. */
    public static boolean concerns(String payloadType) {
        return payloadType.equals(PERSON_ASSIGNED) || ACTOR_FIELDS.containsKey(payloadType);
    }

    /**
     * Removes personal data from {@code payload} in place; returns the name it held, if any. A person
     * assignment then is revision 2, the first without a name; other events keep their revision.
     */
    public static Optional<Introduction> scrub(String payloadType, ObjectNode payload) {
        if (payloadType.equals(PERSON_ASSIGNED)) {
            JsonNode name = payload.remove("displayName");
            return name == null || name.isNull() ? Optional.empty()
                    : Optional.of(new Introduction(payload.path("personId").asText(), name.asText()));
        }
        String field = ACTOR_FIELDS.get(payloadType);
        JsonNode actor = field == null ? null : payload.get(field);
        if (actor != null && !actor.isNull() && !ClientChosenId.PATTERN.matcher(actor.asText()).matches()) {
            payload.putNull(field);
        }
        return Optional.empty();
    }

    /** The revision a scrubbed payload has. */
    public static String revisionAfterScrub(String payloadType, String revision) {
        return payloadType.equals(PERSON_ASSIGNED) ? "2" : revision;
    }
}
