-- reckoning_app (created by command-service's migration V009, or here if query-service migrates first): the
-- privileges query-service needs on its own schema. See command's V009 for how a deployment uses the role.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reckoning_app') THEN
        CREATE ROLE reckoning_app NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END;
$$;

GRANT USAGE ON SCHEMA query TO reckoning_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA query TO reckoning_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA query TO reckoning_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA query GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO reckoning_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA query GRANT USAGE, SELECT ON SEQUENCES TO reckoning_app;
REVOKE ALL ON flyway_schema_history FROM reckoning_app;
GRANT SELECT ON flyway_schema_history TO reckoning_app;
