-- The one map at province scale (issue 17, bench/map-province.sh): 30,000 estates over Guangdong's 21 prefecture cities
-- (denser in the Pearl River Delta), 10,000,000 households in their stored counts, 5,000,000 complaints and 1,000,000
-- repairs (a tenth open) in the platform's own tables, on a database the platform created with Liquibase (demo data
-- included). Ids from 1,000,000 up so nothing meets the demo rows. psql -v scale=1.0.
\set estates (30000 * :scale)::int
\set complaints (5000000 * :scale)::int
\set repairs (1000000 * :scale)::int
CREATE TEMP TABLE city (n int, lon double precision, lat double precision, spread double precision, weight int);
INSERT INTO city VALUES
 (0, 113.27, 23.13, 0.30, 18), (1, 114.06, 22.55, 0.25, 18), (2, 113.12, 23.02, 0.20, 8), (3, 113.75, 23.02, 0.25, 9),
 (4, 113.39, 22.52, 0.15, 5), (5, 113.55, 22.25, 0.12, 3), (6, 114.42, 23.11, 0.25, 5), (7, 113.08, 22.58, 0.20, 4),
 (8, 116.68, 23.35, 0.20, 5), (9, 110.36, 21.27, 0.25, 4), (10, 110.93, 21.66, 0.20, 3), (11, 112.47, 23.05, 0.25, 3),
 (12, 113.60, 24.81, 0.25, 2), (13, 116.12, 24.29, 0.25, 2), (14, 115.37, 22.78, 0.20, 2), (15, 114.70, 23.74, 0.25, 2),
 (16, 111.98, 21.86, 0.20, 2), (17, 113.05, 23.68, 0.25, 2), (18, 116.62, 23.66, 0.20, 2), (19, 116.37, 23.55, 0.20, 2),
 (20, 112.04, 22.92, 0.25, 1);
CREATE TEMP TABLE slot AS SELECT c.*, g FROM city c, generate_series(1, 100) g WHERE g <= c.weight;
CREATE TEMP TABLE slots AS SELECT row_number() OVER () - 1 AS k, lon, lat, spread FROM slot;
CREATE TEMP TABLE company AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, name FROM cmp_company;

INSERT INTO est_estate (id, project_code, name, address, community, admin_code, longitude, latitude, company_id, company_name,
                        status, version, created_at, created_by, updated_at, updated_by, building_count, house_count)
SELECT 1000000 + e, 'MAPBENCH-' || e, '基准小区 ' || e, '基准路 ' || e || ' 号', '基准社区 ' || (e % 900), '440000',
       s.lon + (random() + random() - 1) * s.spread, s.lat + (random() + random() - 1) * s.spread,
       c.id, c.name, 'ACTIVE', 0, now(), 'bench', now(), 'bench', 10, 100 + (random() * 467)::int
FROM generate_series(1, :estates) e
JOIN slots s ON s.k = e % (SELECT COUNT(*) FROM slots)
LEFT JOIN company c ON c.k = e % GREATEST(1, (SELECT COUNT(*) FROM company));

INSERT INTO cpl_complaint (id, complaint_no, channel, category, estate_id, company_id, title, content, status, forwarded,
                           registered_at, status_changed_at, version, created_at, created_by, updated_at, updated_by)
SELECT 10000000 + i, 'MB-' || i, 'PORTAL', 'COMPLAINT', 1000001 + (random() * (:estates - 1))::int, NULL, '基准投诉', '基准',
       CASE WHEN i % 20 = 0 THEN 'IN_PROGRESS' ELSE 'CLOSED' END, false, now(), now(), 0, now(), 'bench', now(), 'bench'
FROM generate_series(1, :complaints) i;
UPDATE cpl_complaint c SET company_id = e.company_id FROM est_estate e WHERE c.id > 10000000 AND e.id = c.estate_id;

INSERT INTO svc_repair (id, repair_no, estate_id, company_id, category, description, requester_account_id, status,
                        requested_at, status_changed_at, version, created_at, created_by, updated_at, updated_by)
SELECT 10000000 + i, 'MR-' || i, e.id, COALESCE(e.company_id, 0), 'NORMAL', '基准报修', 1,
       CASE WHEN i % 10 = 0 THEN 'REQUESTED' ELSE 'CONFIRMED' END, now(), now(), 0, now(), 'bench', now(), 'bench'
FROM generate_series(1, :repairs) i JOIN est_estate e ON e.id = 1000001 + (i::bigint * 7919) % :estates;
-- as autovacuum leaves a live database: statistics and the visibility map (index-only scans) up to date
VACUUM (ANALYZE) est_estate; VACUUM (ANALYZE) cpl_complaint; VACUUM (ANALYZE) svc_repair;
