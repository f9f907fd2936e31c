-- One database per service. The postgres image runs this once, as
-- POSTGRES_USER (superuser), when the data volume is empty; it is written to
-- be safe to run again by hand:
--   psql "postgres://sfw:sfw@localhost:5432/sfw" -f infra/postgres/init/01-databases.sql
--
-- A new service adds its name to the array below (and a DATABASE_URL ending
-- in /<name>). In production each service should also get its own role; here
-- every database belongs to POSTGRES_USER for simplicity.

SELECT format('CREATE DATABASE %I', db)
FROM unnest(ARRAY['enterprises', 'cadres', 'issues', 'policies', 'evaluations']) AS db
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = db)
\gexec
