-- People's names now live only in the person directory (command module); the summary asks for them.
alter table engagement_person drop column display_name;
