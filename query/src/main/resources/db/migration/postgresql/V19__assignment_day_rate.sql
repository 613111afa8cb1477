-- What the supplier pays for a full day of an assigned person (the engagement's currency), for the margin; null when
-- not given, as for every assignment made before day rates existed.
alter table engagement_person add column day_rate numeric(19, 4);
