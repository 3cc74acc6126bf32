-- reckoning_app: the privileges the services need, and no more. A production deployment logs in as a role that is
-- a member of it (GRANT reckoning_app TO <login role>), not as the owner of the tables. On the event table it may
-- only read and append. Roles are cluster-wide: a DBA may create it beforehand (then no CREATEROLE is needed here),
-- and databases migrating in parallel may race to create it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reckoning_app') THEN
        CREATE ROLE reckoning_app NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END;
$$;

GRANT USAGE ON SCHEMA command TO reckoning_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA command TO reckoning_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA command TO reckoning_app;
-- Tables that later migrations create get the same privileges.
ALTER DEFAULT PRIVILEGES IN SCHEMA command GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO reckoning_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA command GRANT USAGE, SELECT ON SEQUENCES TO reckoning_app;

-- The event table: read and append only, for the application and for everyone else who is not its owner.
REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM reckoning_app, PUBLIC;
REVOKE ALL ON flyway_schema_history FROM reckoning_app;
GRANT SELECT ON flyway_schema_history TO reckoning_app;
