-- The person directory (command module, PersonDirectory): the only place a person's name is kept. Events
-- carry person ids; forgetting a person blanks the name here and stamps forgotten_at.
create table person_directory (
    person_id varchar(64) not null,
    display_name varchar(255),
    forgotten_at timestamp(6) with time zone,
    primary key (person_id)
);
