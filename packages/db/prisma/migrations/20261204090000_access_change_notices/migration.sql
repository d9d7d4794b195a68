-- Sessions and accounts announce their changes too, with the payload 'access' on the same channel, so that
-- API processes can keep the sessions they have checked and drop them as soon as one is revoked or its
-- account changes (deactivated, new role or password) — whichever process or console made the change —
-- while the figures they keep stay (a sign-in changes no figure). A new session changes no kept one, so
-- inserts into "AuthSession" stay silent.
CREATE FUNCTION vep_notify_access_changed() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN PERFORM pg_notify(\'vep_data_changed\', \'access\')\073 RETURN NULL\073 END';

CREATE TRIGGER vep_access_changed AFTER UPDATE OR DELETE OR TRUNCATE ON "AuthSession" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_access_changed();
CREATE TRIGGER vep_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_access_changed();
