package com.engagementtracker.app.pages;

import java.io.Serializable;
import java.util.Map;

/**
 * What a page needs to show a refused form again: which form it was, what the user typed, the API's problem
 * and its errors by field name. Kept in the session for the one redirect after the POST.
 *
 * @param form    the form's id on the page
 * @param values  the submitted fields, by name
 * @param problem the API's detail, shown at the top of the form
 * @param errors  the API's errors, by the field names the form uses
 */
public record FormState(String form, Map<String, String> values, String problem, Map<String, String> errors) implements Serializable {

    static final FormState NONE = new FormState("", Map.of(), null, Map.of());

    /** The value to show in a field: what was typed into the refused form, otherwise the suggestion. */
    public String value(String formId, String name, Object suggestion) {
        if (form.equals(formId) && values.containsKey(name)) {
            return values.get(name);
        }
        return suggestion == null ? "" : suggestion.toString();
    }

    /** The API's error for this field of this form, or null. */
    public String error(String formId, String name) {
        return form.equals(formId) ? errors.get(name) : null;
    }

    /** The form's own problem, when no field took the blame for it. */
    public String problem(String formId) {
        return form.equals(formId) ? problem : null;
    }

    /** An element id for a field of a form: letters, digits and dashes only. */
    public String fieldId(String formId, String name) {
        return (formId + "-" + name).replaceAll("[^A-Za-z0-9]+", "-");
    }
}
