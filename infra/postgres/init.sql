-- One database per service (see infra/services.json). Run once by the official
-- postgres image from /docker-entrypoint-initdb.d when its data volume is new;
-- scripts/infra.mjs does the same (plus the *_test databases) on a local server.
CREATE DATABASE frontoffice_reservations;
CREATE DATABASE frontoffice_concierge;
CREATE DATABASE frontoffice_staffing;
CREATE DATABASE frontoffice_billing;
CREATE DATABASE frontoffice_integrations;
CREATE DATABASE frontoffice_console;
