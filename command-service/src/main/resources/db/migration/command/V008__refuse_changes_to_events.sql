-- The event store is append-only, whoever asks: UPDATE, DELETE and TRUNCATE on domain_event_entry are refused by
-- triggers, superusers included (a superuser can still disable them, which the hash chain then exposes).
-- snapshot_event_entry and token_entry are derived data and stay writable.
CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are never changed: % on table domain_event_entry is refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER domain_event_entry_refuse_update_delete BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER domain_event_entry_refuse_truncate BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
