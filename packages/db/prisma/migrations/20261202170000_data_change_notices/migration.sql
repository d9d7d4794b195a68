-- Every committed change to programme data sends a notice on the channel "vep_data_changed", so that
-- API processes can drop the figures they keep in memory (NOTIFY is delivered only at commit, once per
-- transaction however many statements sent it). Sessions, the audit trail, notices, idempotency records
-- and accounts are bookkeeping: they change no figure, and a sign-in must not empty the caches.
-- A table added later needs its trigger too (figure-cache.test.ts checks that every table has one).
--
-- The function body is an escaped string with \073 for its semicolons: the PostgreSQL driver adapter
-- runs a migration script statement by statement, split at every semicolon.
CREATE FUNCTION vep_notify_data_changed() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN PERFORM pg_notify(\'vep_data_changed\', \'\')\073 RETURN NULL\073 END';

CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Country" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Region" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organisation" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Donor" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Programme" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProgrammeCountry" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProgrammeOrganisation" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Contribution" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ContributionPayment" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ExchangeRate" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Budget" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Expenditure" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Outcome" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Output" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Indicator" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IndicatorTarget" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IndicatorValue" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Activity" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActivityRegion" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActivityOutput" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActivityDonor" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActivityPartner" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Session" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Trainer" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SessionTrainer" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Person" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Enrolment" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Attendance" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FeedbackForm" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FeedbackResponse" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Quote" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Submission" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SubmissionRevision" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SubmissionRow" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SubmissionEvent" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SubmissionComment" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ErasureRequest" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
CREATE TRIGGER vep_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IatiExport" FOR EACH STATEMENT EXECUTE FUNCTION vep_notify_data_changed();
