-- The four read models now follow the event store in one event processor, "projections" (ProjectionStream), instead
-- of one processor each. The positions of the old processors go, and so do the rows they built and the events they
-- set aside: the new processor starts at the first event and builds every read model again, once, on the first start
-- after the upgrade. An event that still cannot be handled is set aside again on the way.
delete from token_entry where processor_name in ('engagement-summary', 'metric-series', 'billing', 'invoices');
delete from dead_letter_entry where processing_group in ('engagement-summary', 'metric-series', 'billing', 'invoices');
delete from engagement_person;
delete from engagement_metric;
delete from engagement_summary;
delete from metric_recording;
delete from series_metric;
delete from gain_share_statement;
delete from payment;
delete from subscription_fee_change;
delete from billing_invoice;
delete from billing_engagement;
delete from invoice_statement;
delete from invoice;
