-- The row a batch of recordings locks (select ... for update) from its start to its commit, so that batches append
-- one at a time: the global indexes of a batch's events are then contiguous, and the event processors need not track
-- thousands of gaps left by batches interleaving.
create table event_append_lock (id int primary key);
insert into event_append_lock (id) values (1);
