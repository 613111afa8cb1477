-- MetricRecordedEvent revision 2 carries the unit of the value; null for recordings stored before it.
alter table metric_recording add column unit varchar(64);
