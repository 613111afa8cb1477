-- The customer job each engagement serves, for the portal. Rows projected before stay empty until the
-- engagement-summary projection is rebuilt.
alter table engagement_summary add column job_description varchar(2000);
alter table engagement_summary add column job_importance integer;
alter table engagement_summary add column job_pain_severity integer;
alter table engagement_summary add column job_gain_relevance integer;
