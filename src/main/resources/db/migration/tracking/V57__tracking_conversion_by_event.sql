-- The event log shows each event's amount: the conversion an event made, found by the event.
create index tracking_conversion_event_idx on tracking_conversion (event_id);
