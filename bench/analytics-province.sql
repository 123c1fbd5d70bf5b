-- ANA-1..6 province-scale data set for bench/analytics-province.sh (psql -v scale=1.0). The source tables hold the
-- columns the analytics read model reads (bundles/analytics/.../Rollups.java) plus the indexes their domains'
-- changelogs create on them; scale 1.0 = 30,000 estates, 10 million houses, 5 million complaints, the others in
-- proportion (3,000 companies, 300 communities, 3 million repairs, 1 million patrol tasks, 60,000 votes, 24 company
-- surveys over every estate with 2 million scored answers, 60,000 tenders with 240,000 bids, 6,000 filings, two
-- assessment rounds). Two years of history (2025-01 .. 2026-12). Deterministic (setseed).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
-- the server process of this session runs niced too when the script may renice it (root or the postgres user), so the
-- generation yields to whatever else the machine does
SELECT pg_backend_pid() AS bpid \gset
\! renice -n 10 -p :bpid >/dev/null 2>&1 || true
SET maintenance_work_mem = '512MB';
SET work_mem = '256MB';
SELECT setseed(0.17);
\set estates 'round(30000 * :scale)::int'
\set houses 'round(10000000 * :scale)::bigint'
\set complaints 'round(5000000 * :scale)::bigint'

CREATE TABLE est_estate (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL, community VARCHAR(100), company_id BIGINT, updated_at TIMESTAMPTZ NOT NULL);
CREATE TABLE est_house (id BIGINT PRIMARY KEY, estate_id BIGINT NOT NULL, unit_code VARCHAR(40) NOT NULL, floor_no INT, house_use VARCHAR(16), measured_area NUMERIC(10,2), status VARCHAR(16) NOT NULL);
CREATE TABLE cmp_company (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL);
CREATE TABLE cmp_filing (id BIGINT PRIMARY KEY, company_id BIGINT NOT NULL, status VARCHAR(16) NOT NULL, submitted_at TIMESTAMPTZ, created_at TIMESTAMPTZ NOT NULL);
CREATE TABLE crd_company (company_id BIGINT PRIMARY KEY, score INT NOT NULL, grade VARCHAR(8));
CREATE TABLE asm_round (id BIGINT PRIMARY KEY, period_to DATE NOT NULL);
CREATE TABLE asm_report (id BIGINT PRIMARY KEY, round_id BIGINT NOT NULL, company_id BIGINT NOT NULL, score NUMERIC(7,2));
CREATE TABLE cpl_complaint (id BIGINT PRIMARY KEY, estate_id BIGINT, company_id BIGINT, status VARCHAR(16) NOT NULL, registered_at TIMESTAMPTZ NOT NULL);
CREATE TABLE cpl_event (id BIGINT PRIMARY KEY, complaint_id BIGINT NOT NULL);
CREATE TABLE dl_deadline (id BIGINT PRIMARY KEY, domain VARCHAR(32) NOT NULL, item_id BIGINT NOT NULL, estate_id BIGINT, company_id BIGINT, state VARCHAR(16) NOT NULL, warn_at TIMESTAMPTZ, due_at TIMESTAMPTZ NOT NULL, finished_at TIMESTAMPTZ);
CREATE TABLE svc_repair (id BIGINT PRIMARY KEY, estate_id BIGINT, company_id BIGINT, status VARCHAR(16) NOT NULL, requested_at TIMESTAMPTZ NOT NULL);
CREATE TABLE svc_repair_event (id BIGINT PRIMARY KEY, repair_id BIGINT NOT NULL);
CREATE TABLE svc_patrol_task (id BIGINT PRIMARY KEY, estate_id BIGINT, company_id BIGINT, status VARCHAR(16) NOT NULL, created_at TIMESTAMPTZ NOT NULL);
CREATE TABLE svc_patrol_event (id BIGINT PRIMARY KEY, task_id BIGINT NOT NULL);
CREATE TABLE vot_vote (id BIGINT PRIMARY KEY, estate_id BIGINT, company_id BIGINT, created_at TIMESTAMPTZ NOT NULL);
CREATE TABLE vot_event (id BIGINT PRIMARY KEY, vote_id BIGINT NOT NULL);
CREATE TABLE svy_survey (id BIGINT PRIMARY KEY, subject VARCHAR(16) NOT NULL, period_from DATE, created_at TIMESTAMPTZ NOT NULL);
CREATE TABLE svy_target (survey_id BIGINT NOT NULL, estate_id BIGINT NOT NULL, company_id BIGINT);
CREATE TABLE svy_response (id BIGINT PRIMARY KEY, survey_id BIGINT NOT NULL, estate_id BIGINT);
CREATE TABLE svy_answer (response_id BIGINT NOT NULL, score INT);
CREATE TABLE tnd_tender (id BIGINT PRIMARY KEY, estate_id BIGINT, winner_company_id BIGINT, created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL);
CREATE TABLE tnd_bidder (id BIGINT PRIMARY KEY, tender_id BIGINT NOT NULL, company_id BIGINT NOT NULL, updated_at TIMESTAMPTZ NOT NULL);

-- estate e is managed by company (e % companies) + 1, lies in community (e % 300)
INSERT INTO cmp_company SELECT c, '物业服务企业 ' || c FROM generate_series(1, :estates / 10) c;
INSERT INTO crd_company SELECT c, 60 + (c * 37) % 41, (ARRAY['A','B','C','D'])[1 + (c * 7) % 4] FROM generate_series(1, :estates / 10) c;
INSERT INTO cmp_filing SELECT f, (f - 1) % (:estates / 10) + 1, CASE WHEN f % 5 = 0 THEN 'RETURNED' ELSE 'APPROVED' END,
  TIMESTAMPTZ '2025-01-01 10:00+08' + ((f * 7919) % 720) * INTERVAL '1 day', TIMESTAMPTZ '2025-01-01 10:00+08' FROM generate_series(1, :estates / 5) f;
INSERT INTO asm_round VALUES (1, DATE '2025-12-31'), (2, DATE '2026-06-30');
INSERT INTO asm_report SELECT r, (r - 1) / (:estates / 10) + 1, (r - 1) % (:estates / 10) + 1, 60 + ((r * 7919) % 4000) / 100.0
  FROM generate_series(1, 2 * (:estates / 10)) r;
INSERT INTO est_estate SELECT e, '小区 ' || e, '社区 ' || (e % 300), e % (:estates / 10) + 1, TIMESTAMPTZ '2025-01-01 00:00+08' FROM generate_series(1, :estates) e;
INSERT INTO est_house SELECT h, (h - 1) % :estates + 1, '440404' || lpad(h::text, 12, '0'), (h % 30) + 1, 'RESIDENTIAL', 80 + (h % 50), 'ACTIVE'
  FROM generate_series(1, :houses) h;

-- cases: a random estate (its company), a random moment of the two years
INSERT INTO cpl_complaint SELECT c, e, e % (:estates / 10) + 1,
    CASE WHEN r < 0.70 THEN 'CLOSED' WHEN r < 0.75 THEN 'REJECTED' WHEN r < 0.85 THEN 'IN_PROGRESS' ELSE 'REGISTERED' END,
    TIMESTAMPTZ '2025-01-01 00:00+08' + (random() * 729) * INTERVAL '1 day'
  FROM (SELECT c, 1 + floor(random() * :estates)::bigint AS e, random() AS r FROM generate_series(1, :complaints) c) x;
INSERT INTO cpl_event SELECT c, c FROM generate_series(1, :complaints) c;
INSERT INTO dl_deadline SELECT id, 'complaint', id, estate_id, company_id, CASE WHEN status IN ('CLOSED', 'REJECTED') THEN 'COMPLETED' ELSE 'RUNNING' END,
    registered_at + INTERVAL '12 days', registered_at + INTERVAL '15 days',
    CASE WHEN status IN ('CLOSED', 'REJECTED') THEN registered_at + (random() * 18) * INTERVAL '1 day' END
  FROM cpl_complaint;
INSERT INTO svc_repair SELECT c, e, e % (:estates / 10) + 1, CASE WHEN random() < 0.8 THEN 'CONFIRMED' ELSE 'ACCEPTED' END,
    TIMESTAMPTZ '2025-01-01 00:00+08' + (random() * 729) * INTERVAL '1 day'
  FROM (SELECT c, 1 + floor(random() * :estates)::bigint AS e FROM generate_series(1, :complaints * 3 / 5) c) x;
INSERT INTO svc_repair_event SELECT c, c FROM generate_series(1, :complaints * 3 / 5) c;
INSERT INTO svc_patrol_task SELECT c, e, e % (:estates / 10) + 1, CASE WHEN random() < 0.9 THEN 'CLOSED' ELSE 'OPEN' END,
    TIMESTAMPTZ '2025-01-01 00:00+08' + (random() * 729) * INTERVAL '1 day'
  FROM (SELECT c, 1 + floor(random() * :estates)::bigint AS e FROM generate_series(1, :complaints / 5) c) x;
INSERT INTO svc_patrol_event SELECT c, c FROM generate_series(1, :complaints / 5) c;
INSERT INTO vot_vote SELECT c, e, e % (:estates / 10) + 1, TIMESTAMPTZ '2025-01-01 00:00+08' + (random() * 729) * INTERVAL '1 day'
  FROM (SELECT c, 1 + floor(random() * :estates)::bigint AS e FROM generate_series(1, :estates * 2) c) x;
INSERT INTO vot_event SELECT c, c FROM generate_series(1, :estates * 2) c;

-- satisfaction: a company survey each month over every estate (targets with the estate's company), ~2.8 answers per estate a month
INSERT INTO svy_survey SELECT s, CASE WHEN s % 6 = 0 THEN 'COMMITTEE' ELSE 'COMPANY' END, (DATE '2025-01-01' + (s - 1) * INTERVAL '1 month')::date,
  TIMESTAMPTZ '2025-01-01 00:00+08' FROM generate_series(1, 24) s;
INSERT INTO svy_target SELECT s, e, e % (:estates / 10) + 1 FROM generate_series(1, 24) s, generate_series(1, :estates) e;
INSERT INTO svy_response SELECT r, 1 + (r - 1) % 24, 1 + floor(random() * :estates)::bigint FROM generate_series(1, :complaints * 2 / 5) r;
INSERT INTO svy_answer SELECT r, 1 + floor(random() * 5)::int FROM generate_series(1, :complaints * 2 / 5) r;

-- tenders: two per estate over the two years, four bids each, the first bidder wins four times in five
INSERT INTO tnd_tender SELECT t, (t - 1) % :estates + 1, CASE WHEN t % 5 = 0 THEN NULL ELSE ((t - 1) % :estates + 1) % (:estates / 10) + 1 END,
    TIMESTAMPTZ '2025-01-01 00:00+08' + (random() * 729) * INTERVAL '1 day', TIMESTAMPTZ '2025-01-01 00:00+08'
  FROM generate_series(1, :estates * 2) t;
INSERT INTO tnd_bidder SELECT b, (b - 1) / 4 + 1, CASE WHEN b % 4 = 1 THEN (((b - 1) / 4) % :estates + 1) % (:estates / 10) + 1
    ELSE 1 + floor(random() * (:estates / 10))::bigint END, TIMESTAMPTZ '2025-01-01 00:00+08'
  FROM generate_series(1, :estates * 8) b;

-- the indexes the domains' changelogs create on these tables
CREATE INDEX ix_cpl_complaint_company ON cpl_complaint (company_id, status);
CREATE INDEX ix_cpl_complaint_estate ON cpl_complaint (estate_id, status);
CREATE INDEX ix_cpl_event_complaint ON cpl_event (complaint_id, id);
CREATE INDEX ix_dl_deadline_warn ON dl_deadline (state, warn_at);
CREATE INDEX ix_dl_deadline_due ON dl_deadline (state, due_at);
CREATE INDEX ix_dl_deadline_company ON dl_deadline (company_id);
CREATE INDEX ix_dl_deadline_estate ON dl_deadline (estate_id);
CREATE INDEX ix_svc_repair_company ON svc_repair (company_id, status);
CREATE INDEX ix_svc_repair_estate ON svc_repair (estate_id, status);
CREATE INDEX ix_svc_repair_event_repair ON svc_repair_event (repair_id, id);
CREATE INDEX ix_svc_patrol_task_company ON svc_patrol_task (company_id, status);
CREATE INDEX ix_svc_patrol_task_estate ON svc_patrol_task (estate_id, status);
CREATE INDEX ix_svc_patrol_event_task ON svc_patrol_event (task_id, id);
CREATE INDEX ix_vot_vote_estate ON vot_vote (estate_id);
CREATE INDEX ix_vot_event_vote ON vot_event (vote_id);
CREATE INDEX ix_svy_response_survey ON svy_response (survey_id, estate_id);
CREATE INDEX ix_svy_answer_response ON svy_answer (response_id); -- the leading column of pk_svy_answer (response_id, question_id)
CREATE INDEX ix_tnd_tender_estate ON tnd_tender (estate_id);
CREATE INDEX ix_asm_report_company ON asm_report (company_id);
CREATE INDEX ix_est_house_estate ON est_house (estate_id);
ANALYZE;
