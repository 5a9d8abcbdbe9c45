-- The guard's soundness on PostgreSQL: shapes where a keyed read is followed by the transaction's own
-- change that the guard may not see, then a keyed write of the same row. Raw and safe must agree.
-- ${schema} is the run's own schema (on search_path).
-- case setup
CREATE TABLE acc (id INT PRIMARY KEY, v INT NOT NULL, note TEXT)
INSERT INTO acc SELECT g, 0, 'n' FROM generate_series(1, 40) g
--@autocommit off

-- case schema-qualified write
SELECT id, v, note FROM acc WHERE id = 1
UPDATE ${schema}.acc SET v = 5 WHERE id = 1
UPDATE acc SET note = 'after' WHERE id = 1
--@commit
SELECT * FROM acc WHERE id = 1

-- case schema-qualified read
SELECT id, v, note FROM ${schema}.acc WHERE id = 2
UPDATE acc SET v = 5 WHERE id = 2
UPDATE ${schema}.acc SET note = 'after' WHERE id = 2
--@commit
SELECT * FROM acc WHERE id = 2

-- case returning through executeQuery
SELECT id, v, note FROM acc WHERE id = 3
--@query
UPDATE acc SET v = 7 WHERE id = 3 RETURNING v
UPDATE acc SET note = 'after' WHERE id = 3
--@commit
SELECT * FROM acc WHERE id = 3

-- case returning through prepared executeQuery
SELECT id, v, note FROM acc WHERE id = 4
--@prepared query
UPDATE acc SET v = 7 WHERE id = 4 RETURNING v
UPDATE acc SET note = 'after' WHERE id = 4
--@commit
SELECT * FROM acc WHERE id = 4

-- case data-modifying CTE
SELECT id, v, note FROM acc WHERE id = 5
WITH u AS (UPDATE acc SET v = 9 WHERE id = 5 RETURNING v) SELECT * FROM u
UPDATE acc SET note = 'after' WHERE id = 5
--@commit
SELECT * FROM acc WHERE id = 5

-- case function that writes
CREATE FUNCTION bump(i INT) RETURNS INT AS $$ UPDATE acc SET v = v + 1 WHERE id = i RETURNING v $$ LANGUAGE sql
--@commit
SELECT id, v, note FROM acc WHERE id = 6
SELECT bump(6)
UPDATE acc SET note = 'after' WHERE id = 6
--@commit
SELECT * FROM acc WHERE id = 6

-- case procedure that writes
CREATE PROCEDURE bump_p(i INT) LANGUAGE sql AS $$ UPDATE acc SET v = v + 1 WHERE id = i $$
--@commit
SELECT id, v, note FROM acc WHERE id = 7
CALL bump_p(7)
UPDATE acc SET note = 'after' WHERE id = 7
--@commit
SELECT * FROM acc WHERE id = 7

-- case several statements in one
SELECT id, v, note FROM acc WHERE id = 8
UPDATE acc SET v = 3 WHERE id = 8; SELECT 1
UPDATE acc SET note = 'after' WHERE id = 8
--@commit
SELECT * FROM acc WHERE id = 8

-- case trigger on another table writes the row
CREATE TABLE events (id INT PRIMARY KEY, acc_id INT NOT NULL)
CREATE FUNCTION on_event() RETURNS trigger AS $$ BEGIN UPDATE acc SET v = v + 100 WHERE id = NEW.acc_id; RETURN NEW; END $$ LANGUAGE plpgsql
CREATE TRIGGER event_bumps AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION on_event()
--@commit
SELECT id, v, note FROM acc WHERE id = 9
INSERT INTO events VALUES (1, 9)
UPDATE acc SET note = 'after' WHERE id = 9
--@commit
SELECT * FROM acc WHERE id = 9

-- case trigger on the table itself changes another column
CREATE TABLE stamped (id INT PRIMARY KEY, v INT NOT NULL, changes INT NOT NULL DEFAULT 0)
CREATE FUNCTION count_change() RETURNS trigger AS $$ BEGIN NEW.changes := OLD.changes + 1; RETURN NEW; END $$ LANGUAGE plpgsql
CREATE TRIGGER counts BEFORE UPDATE ON stamped FOR EACH ROW EXECUTE FUNCTION count_change()
INSERT INTO stamped VALUES (1, 0, 0)
--@commit
SELECT id, v, changes FROM stamped WHERE id = 1
UPDATE stamped SET v = 1 WHERE id = 1
SELECT id, v FROM stamped WHERE id = 1
UPDATE stamped SET v = 2 WHERE id = 1
--@commit
SELECT * FROM stamped

-- case on delete cascade
CREATE TABLE parent (id INT PRIMARY KEY, v INT NOT NULL)
CREATE TABLE child (id INT PRIMARY KEY, parent_id INT REFERENCES parent(id) ON DELETE CASCADE ON UPDATE CASCADE, v INT NOT NULL)
INSERT INTO parent VALUES (1, 0), (2, 0), (3, 0)
INSERT INTO child VALUES (1, 1, 0), (2, 2, 0), (3, 3, 0)
--@commit
SELECT id, parent_id, v FROM child WHERE id = 1
DELETE FROM parent WHERE id = 1
UPDATE child SET v = 1 WHERE id = 1
--@commit
SELECT * FROM child ORDER BY id

-- case on update cascade
SELECT id, parent_id, v FROM child WHERE id = 2
UPDATE parent SET id = 20 WHERE id = 2
UPDATE child SET v = 1 WHERE id = 2
--@commit
SELECT * FROM child ORDER BY id

-- case on delete set null
CREATE TABLE owner (id INT PRIMARY KEY)
CREATE TABLE pet (id INT PRIMARY KEY, owner_id INT REFERENCES owner(id) ON DELETE SET NULL, v INT NOT NULL)
INSERT INTO owner VALUES (1)
INSERT INTO pet VALUES (1, 1, 0)
--@commit
SELECT id, owner_id, v FROM pet WHERE id = 1
DELETE FROM owner WHERE id = 1
UPDATE pet SET v = 1 WHERE id = 1
--@commit
SELECT * FROM pet

-- case upsert on another unique key
CREATE TABLE coded (id INT PRIMARY KEY, code TEXT UNIQUE NOT NULL, v INT NOT NULL)
INSERT INTO coded VALUES (1, 'a', 0)
--@commit
SELECT id, code, v FROM coded WHERE id = 1
INSERT INTO coded VALUES (99, 'a', 5) ON CONFLICT (code) DO UPDATE SET v = EXCLUDED.v
UPDATE coded SET v = 6 WHERE id = 1
--@commit
SELECT * FROM coded

-- case rollback to savepoint
SELECT id, v, note FROM acc WHERE id = 10
--@savepoint s1
UPDATE acc SET v = 1 WHERE id = 10
--@rollback to s1
UPDATE acc SET note = 'after' WHERE id = 10
--@commit
SELECT * FROM acc WHERE id = 10

-- case read after savepoint, write after its rollback
UPDATE acc SET v = 2 WHERE id = 11
--@savepoint s2
SELECT id, v, note FROM acc WHERE id = 11
--@rollback to s2
UPDATE acc SET note = 'after' WHERE id = 11
--@commit
SELECT * FROM acc WHERE id = 11

-- case suppress redundant updates
CREATE TABLE quiet (id INT PRIMARY KEY, v INT NOT NULL)
CREATE TRIGGER z_quiet BEFORE UPDATE ON quiet FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()
INSERT INTO quiet VALUES (1, 0)
--@commit
SELECT id, v FROM quiet WHERE id = 1
UPDATE quiet SET v = 0 WHERE id = 1
--@commit
SELECT * FROM quiet

-- case rule do instead
CREATE TABLE ruled (id INT PRIMARY KEY, v INT NOT NULL)
CREATE TABLE ruled_log (id INT, v INT)
CREATE RULE ruled_instead AS ON UPDATE TO ruled DO INSTEAD INSERT INTO ruled_log VALUES (NEW.id, NEW.v)
INSERT INTO ruled VALUES (1, 0)
--@commit
SELECT id, v FROM ruled WHERE id = 1
UPDATE ruled SET v = 1 WHERE id = 1
--@commit
SELECT * FROM ruled_log

-- case insert trigger returns null
CREATE TABLE routed (id INT PRIMARY KEY, v INT NOT NULL)
CREATE TABLE routed_elsewhere (id INT PRIMARY KEY, v INT NOT NULL)
CREATE FUNCTION route() RETURNS trigger AS $$ BEGIN INSERT INTO routed_elsewhere VALUES (NEW.id, NEW.v); RETURN NULL; END $$ LANGUAGE plpgsql
CREATE TRIGGER routes BEFORE INSERT ON routed FOR EACH ROW EXECUTE FUNCTION route()
--@commit
SELECT id, v FROM routed WHERE id = 1
INSERT INTO routed (id, v) VALUES (1, 1)
--@commit
SELECT * FROM routed_elsewhere

-- case expression column in the read
SELECT a.*, a.v + 1 AS next_v FROM acc a WHERE a.id = 12
UPDATE acc SET v = 1 WHERE id = 12
--@commit
SELECT * FROM acc WHERE id = 12

-- case expression column named like no column
SELECT id, v, upper(note) AS shout FROM acc WHERE id = 13
UPDATE acc SET v = 1 WHERE id = 13
--@commit
SELECT * FROM acc WHERE id = 13

-- case enum in a schema off the search path
CREATE SCHEMA ${schema}_types
CREATE TYPE ${schema}_types.mood AS ENUM ('calm', 'busy')
CREATE TABLE moods (id INT PRIMARY KEY, m ${schema}_types.mood NOT NULL, v INT NOT NULL)
INSERT INTO moods VALUES (1, 'calm', 0)
--@commit
SELECT id, m, v FROM moods WHERE id = 1
UPDATE moods SET v = 1 WHERE id = 1
--@commit
SELECT * FROM moods
DROP TABLE moods
DROP SCHEMA ${schema}_types CASCADE
--@commit

-- case deferrable unique key as insert arbiter
CREATE TABLE deferred (code TEXT NOT NULL, v INT NOT NULL, CONSTRAINT deferred_code UNIQUE (code) DEFERRABLE)
--@commit
SELECT code, v FROM deferred WHERE code = 'x'
INSERT INTO deferred (code, v) VALUES ('x', 1)
--@commit
SELECT * FROM deferred

-- case unique index with included columns
CREATE TABLE included (code TEXT NOT NULL, v INT NOT NULL)
CREATE UNIQUE INDEX included_code ON included (code) INCLUDE (v)
INSERT INTO included VALUES ('a', 0)
--@commit
SELECT code, v FROM included WHERE code = 'a' AND v = 0
UPDATE included SET v = 1 WHERE code = 'a' AND v = 0
--@commit
SELECT * FROM included

-- case partial unique index
CREATE TABLE partial (id INT NOT NULL, live BOOLEAN NOT NULL, v INT NOT NULL)
CREATE UNIQUE INDEX partial_live ON partial (id) WHERE live
INSERT INTO partial VALUES (1, true, 0), (1, false, 0)
--@commit
SELECT id, live, v FROM partial WHERE id = 1
UPDATE partial SET v = 1 WHERE id = 1
--@commit
SELECT * FROM partial ORDER BY live

-- case same table name in another schema
CREATE SCHEMA ${schema}_other
CREATE TABLE ${schema}_other.twin (a INT, b INT)
CREATE TABLE twin (id INT PRIMARY KEY, v INT NOT NULL)
INSERT INTO twin VALUES (1, 0)
INSERT INTO ${schema}_other.twin VALUES (1, 0), (1, 0)
--@commit
SELECT id, v FROM twin WHERE id = 1
UPDATE twin SET v = 1 WHERE id = 1
--@commit
SELECT * FROM twin
DROP SCHEMA ${schema}_other CASCADE
--@commit

-- case float with extra_float_digits 0
CREATE TABLE floats (id INT PRIMARY KEY, r REAL NOT NULL, d DOUBLE PRECISION NOT NULL, v INT NOT NULL)
INSERT INTO floats VALUES (1, 0.1, 0.1, 0), (2, 3.4028235e38, 1e-300, 0)
--@commit
SET extra_float_digits = 0
SELECT id, r, d, v FROM floats WHERE id = 1
UPDATE floats SET v = 1 WHERE id = 1
--@commit
SELECT id, r, d, v FROM floats WHERE id = 2
UPDATE floats SET v = 1 WHERE id = 2
--@commit
SET extra_float_digits = 1
SELECT * FROM floats ORDER BY id

-- case interval with sql_standard style
CREATE TABLE spans (id INT PRIMARY KEY, s INTERVAL NOT NULL, v INT NOT NULL)
INSERT INTO spans VALUES (1, '1 year 2 months 3 days 04:05:06.789', 0)
--@commit
SET intervalstyle = sql_standard
SELECT id, s, v FROM spans WHERE id = 1
UPDATE spans SET v = 1 WHERE id = 1
--@commit
SET intervalstyle = postgres
SELECT * FROM spans

-- case many types read with getObject
CREATE TABLE typed (id INT PRIMARY KEY, n NUMERIC(10,2), nn NUMERIC, b BOOLEAN, dt DATE, t TIME, t6 TIME(6), tz TIMETZ, ts TIMESTAMP, tstz TIMESTAMPTZ, by BYTEA, u UUID, j JSON, jb JSONB, ip INET, arr INT[], txt TEXT, ch CHAR(5), v INT NOT NULL)
INSERT INTO typed VALUES (1, 1.10, 1.100, true, '2024-02-29', '23:59:59', '12:00:00.123456', '10:00:00+02', '2024-03-31 02:30:00', '2024-03-31 02:30:00+01', '\x00ff', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": 2, "a": 1}', '192.168.0.1/24', '{1,2,3}', 'x', 'ab', 0)
INSERT INTO typed (id, v) VALUES (2, 0)
--@commit
SELECT * FROM typed WHERE id = 1
UPDATE typed SET v = 1 WHERE id = 1
--@commit
SELECT * FROM typed WHERE id = 2
UPDATE typed SET v = 1 WHERE id = 2
--@commit
SELECT id, v FROM typed ORDER BY id

-- case read in autocommit, write in a later transaction
--@autocommit on
SELECT id, v, note FROM acc WHERE id = 14
UPDATE acc SET v = v + 1 WHERE id = 14
--@autocommit off
UPDATE acc SET note = 'after' WHERE id = 14
--@commit
SELECT * FROM acc WHERE id = 14

-- case insert after an absent read, then the same insert again
SELECT id, v FROM acc WHERE id = 100
INSERT INTO acc (id, v) VALUES (100, 1)
--@commit
SELECT * FROM acc WHERE id = 100

-- case delete then insert of the same key
SELECT id, v FROM acc WHERE id = 15
DELETE FROM acc WHERE id = 15
INSERT INTO acc (id, v) VALUES (15, 2)
--@commit
SELECT * FROM acc WHERE id = 15

-- case update of the key itself
SELECT id, v FROM acc WHERE id = 16
UPDATE acc SET id = 116 WHERE id = 16
UPDATE acc SET v = 1 WHERE id = 116
--@commit
SELECT * FROM acc WHERE id IN (16, 116)

-- case a row read twice with other columns
SELECT id, v FROM acc WHERE id = 17
SELECT id, note FROM acc WHERE id = 17
UPDATE acc SET v = 1 WHERE id = 17
--@commit
SELECT * FROM acc WHERE id = 17

-- case plain keyed read-modify-write
SELECT id, v, note FROM acc WHERE id = 18
UPDATE acc SET v = 1 WHERE id = 18
--@commit
SELECT * FROM acc WHERE id = 18

-- case read for update then write
SELECT id, v FROM acc WHERE id = 19 FOR UPDATE
UPDATE acc SET v = 1 WHERE id = 19
--@commit
SELECT * FROM acc WHERE id = 19

-- case queue claim with FOR UPDATE SKIP LOCKED, written by key, then a list read and writes through a join
SELECT id, v FROM acc WHERE v >= 0 AND id BETWEEN 20 AND 21 ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
UPDATE acc SET v = 5 WHERE id = 20
SELECT a.id, a.v, b.id, b.note FROM acc a LEFT JOIN acc b ON b.id = a.id + 1000 WHERE a.id BETWEEN 20 AND 21 ORDER BY a.id FOR UPDATE OF a
UPDATE acc SET v = 6 WHERE id = 20
UPDATE acc SET v = 6 WHERE id = 21
--@commit
SELECT * FROM acc WHERE id BETWEEN 20 AND 21 ORDER BY id

-- Issue #13 classes 1, 2 and 8: writes the guard must see (or must take as ending the reads they may have
-- changed), zero-row results that are no race, and transaction boundaries; with the ordinary shapes beside them.
-- case more rows
CREATE TABLE more (id INT PRIMARY KEY, v INT NOT NULL, note TEXT)
INSERT INTO more SELECT g, 0, 'n' FROM generate_series(1, 60) g
CREATE SEQUENCE ticket
--@commit

-- case qualified read and write of the same row
SELECT id, v, note FROM ${schema}.more WHERE id = 1
UPDATE ${schema}.more SET v = 1 WHERE id = 1
--@commit
SELECT * FROM more WHERE id = 1

-- case qualified read, unqualified delete, insert of the same key
SELECT id, v FROM ${schema}.more WHERE id = 2
DELETE FROM more WHERE id = 2
INSERT INTO ${schema}.more (id, v) VALUES (2, 7)
--@commit
SELECT * FROM more WHERE id = 2

-- case delete returning through executeQuery, then insert of the same key
SELECT id, v FROM more WHERE id = 3
--@query
DELETE FROM more WHERE id = 3 RETURNING id
INSERT INTO more (id, v) VALUES (3, 1)
--@commit
SELECT * FROM more WHERE id = 3

-- case insert returning through executeQuery after an absent read
SELECT id, v FROM more WHERE id = 200
--@prepared query
INSERT INTO more (id, v) VALUES (200, 1) RETURNING id
UPDATE more SET v = 2 WHERE id = 200
--@commit
SELECT * FROM more WHERE id = 200

-- case function that only reads
CREATE FUNCTION peek(i INT) RETURNS INT AS $$ SELECT v FROM more WHERE id = i $$ LANGUAGE sql STABLE
--@commit
SELECT id, v, note FROM more WHERE id = 4
SELECT peek(4)
UPDATE more SET v = 1 WHERE id = 4
--@commit
SELECT * FROM more WHERE id = 4

-- case function that writes, called in the WHERE of a read
CREATE FUNCTION bump_more(i INT) RETURNS INT AS $$ UPDATE more SET v = v + 1 WHERE id = i RETURNING id $$ LANGUAGE sql
--@commit
SELECT id, v, note FROM more WHERE id = 5
SELECT id, v FROM more WHERE id = bump_more(5)
UPDATE more SET note = 'after' WHERE id = 5
--@commit
SELECT * FROM more WHERE id = 5

-- case built-in functions in the read and between
SELECT id, v, lower(note), length(note) FROM more WHERE id = 7
SELECT nextval('ticket'), now() IS NOT NULL, coalesce(NULL, 1)
UPDATE more SET v = 1 WHERE id = 7
--@commit
SELECT * FROM more WHERE id = 7

-- case data-modifying CTE that deletes
SELECT id, v, note FROM more WHERE id = 8
WITH d AS (DELETE FROM more WHERE id = 8 RETURNING id) SELECT count(*) FROM d
UPDATE more SET v = 1 WHERE id = 8
--@commit
SELECT * FROM more WHERE id = 8

-- case data-modifying CTE that inserts the key read absent
SELECT id, v FROM more WHERE id = 201
WITH i AS (INSERT INTO more (id, v) VALUES (201, 5) RETURNING id) SELECT * FROM i
INSERT INTO more (id, v) VALUES (201, 6)
--@rollback
SELECT * FROM more WHERE id = 201

-- case read-only CTE before a write
SELECT id, v, note FROM more WHERE id = 9
WITH w AS (SELECT id FROM more WHERE id = 9) SELECT count(*) FROM w
UPDATE more SET v = 1 WHERE id = 9
--@commit
SELECT * FROM more WHERE id = 9

-- case anonymous block that writes
SELECT id, v, note FROM more WHERE id = 10
DO $$ BEGIN UPDATE more SET v = 50 WHERE id = 10; END $$
UPDATE more SET note = 'after' WHERE id = 10
--@commit
SELECT * FROM more WHERE id = 10

-- case a query then a write in one string
SELECT id, v, note FROM more WHERE id = 11
SELECT 1; UPDATE more SET v = 3 WHERE id = 11
UPDATE more SET note = 'after' WHERE id = 11
--@commit
SELECT * FROM more WHERE id = 11

-- case rollback to a savepoint undoes a write made before the read
--@savepoint s3
UPDATE more SET v = 1 WHERE id = 12
SELECT id, v, note FROM more WHERE id = 12
--@rollback to s3
UPDATE more SET note = 'after' WHERE id = 12
--@commit
SELECT * FROM more WHERE id = 12

-- case rollback to a savepoint in SQL
SAVEPOINT s4
UPDATE more SET v = 1 WHERE id = 13
SELECT id, v, note FROM more WHERE id = 13
ROLLBACK TO SAVEPOINT s4
UPDATE more SET note = 'after' WHERE id = 13
--@commit
SELECT * FROM more WHERE id = 13

-- case savepoint released keeps the read
SELECT id, v, note FROM more WHERE id = 14
SAVEPOINT s5
RELEASE SAVEPOINT s5
UPDATE more SET v = 1 WHERE id = 14
--@commit
SELECT * FROM more WHERE id = 14

-- case trigger on another table, insert with its columns
SELECT id, v, note FROM acc WHERE id = 20
INSERT INTO events (id, acc_id) VALUES (2, 20)
UPDATE acc SET note = 'after' WHERE id = 20
--@commit
SELECT * FROM acc WHERE id = 20

-- case trigger on another table, keyed update of it
SELECT id, v, note FROM acc WHERE id = 21
UPDATE events SET acc_id = 21 WHERE id = 2
UPDATE acc SET note = 'after' WHERE id = 21
--@commit
SELECT * FROM acc WHERE id = 21

-- case write through a view
CREATE VIEW more_v AS SELECT * FROM more
--@commit
SELECT id, v, note FROM more WHERE id = 15
UPDATE more_v SET v = 5 WHERE id = 15
UPDATE more SET note = 'after' WHERE id = 15
--@commit
SELECT * FROM more WHERE id = 15

-- case write through a rule on another table
CREATE TABLE more_log (id INT, v INT)
CREATE RULE log_more AS ON INSERT TO more_log DO ALSO UPDATE more SET v = v + 1 WHERE id = NEW.id
--@commit
SELECT id, v, note FROM more WHERE id = 16
INSERT INTO more_log (id, v) VALUES (16, 1)
UPDATE more SET note = 'after' WHERE id = 16
--@commit
SELECT * FROM more WHERE id = 16

-- case upsert that does nothing on the key read
SELECT id, v, note FROM more WHERE id = 17
INSERT INTO more (id, v) VALUES (17, 9) ON CONFLICT (id) DO NOTHING
UPDATE more SET v = 1 WHERE id = 17
--@commit
SELECT * FROM more WHERE id = 17

-- case upsert that updates the row read
SELECT id, v, note FROM more WHERE id = 18
INSERT INTO more (id, v) VALUES (18, 9) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v
UPDATE more SET note = 'after' WHERE id = 18
--@commit
SELECT * FROM more WHERE id = 18

-- case read by one unique key, written by another, then by the first
INSERT INTO coded VALUES (2, 'b', 0)
--@commit
SELECT id, code, v FROM coded WHERE code = 'b'
UPDATE coded SET v = 3 WHERE id = 2
UPDATE coded SET v = 4 WHERE code = 'b'
--@commit
SELECT * FROM coded WHERE id = 2

-- case read by one unique key, guarded write by the same
SELECT id, code, v FROM coded WHERE code = 'b'
UPDATE coded SET v = 5 WHERE code = 'b'
--@commit
SELECT * FROM coded WHERE id = 2

-- case on delete cascade, keyed read of the parent too
SELECT id, v FROM parent WHERE id = 3
SELECT id, parent_id, v FROM child WHERE id = 3
DELETE FROM parent WHERE id = 3
UPDATE child SET v = 1 WHERE id = 3
--@commit
SELECT * FROM child ORDER BY id

-- case read in autocommit, another session writes, write in a transaction
--@autocommit on
SELECT id, v, note FROM more WHERE id = 19
--@other UPDATE more SET v = 99 WHERE id = 19
--@autocommit off
UPDATE more SET note = 'after' WHERE id = 19
--@commit
SELECT * FROM more WHERE id = 19

-- case read in autocommit, write in autocommit
--@autocommit on
SELECT id, v, note FROM more WHERE id = 22
UPDATE more SET v = 1 WHERE id = 22
--@autocommit off
SELECT * FROM more WHERE id = 22

-- case read in a transaction, another session writes after its commit, write in the next
SELECT id, v, note FROM more WHERE id = 23
--@commit
--@other UPDATE more SET v = 99 WHERE id = 23
UPDATE more SET note = 'after' WHERE id = 23
--@commit
SELECT * FROM more WHERE id = 23

-- case read, rollback, write in the next transaction
SELECT id, v, note FROM more WHERE id = 24
--@rollback
--@other UPDATE more SET v = 99 WHERE id = 24
UPDATE more SET note = 'after' WHERE id = 24
--@commit
SELECT * FROM more WHERE id = 24

-- case commit in SQL ends the reads
SELECT id, v, note FROM more WHERE id = 25
COMMIT
--@other UPDATE more SET v = 99 WHERE id = 25
UPDATE more SET note = 'after' WHERE id = 25
--@commit
SELECT * FROM more WHERE id = 25

-- case guarded delete of the row read
SELECT id, v, note FROM more WHERE id = 26
DELETE FROM more WHERE id = 26
--@commit
SELECT count(*) FROM more WHERE id = 26

-- case guarded write of several columns read
SELECT id, v, note FROM more WHERE id = 27
UPDATE more SET v = 2, note = 'two' WHERE id = 27
--@commit
SELECT * FROM more WHERE id = 27

-- case prepared read and write of the same row
--@prepared
SELECT id, v, note FROM more WHERE id = 28
--@prepared
UPDATE more SET v = 1 WHERE id = 28
--@commit
SELECT * FROM more WHERE id = 28

-- case two rows read, both written
SELECT id, v FROM more WHERE id = 29
SELECT id, v FROM more WHERE id = 30
UPDATE more SET v = 1 WHERE id = 29
UPDATE more SET v = 1 WHERE id = 30
--@commit
SELECT * FROM more WHERE id IN (29, 30) ORDER BY id

-- case a row written twice after one read
SELECT id, v, note FROM more WHERE id = 31
UPDATE more SET v = 1 WHERE id = 31
UPDATE more SET v = 2 WHERE id = 31
--@commit
SELECT * FROM more WHERE id = 31

-- case an absent row read, then updated
SELECT id, v FROM more WHERE id = 300
UPDATE more SET v = 1 WHERE id = 300
--@commit
SELECT count(*) FROM more WHERE id = 300

-- case before update trigger skips the row
CREATE TABLE frozen (id INT PRIMARY KEY, v INT NOT NULL)
CREATE FUNCTION skip_row() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ LANGUAGE plpgsql
CREATE TRIGGER skips BEFORE UPDATE OR DELETE ON frozen FOR EACH ROW EXECUTE FUNCTION skip_row()
INSERT INTO frozen VALUES (1, 0), (2, 0), (3, 0)
--@commit
SELECT id, v FROM frozen WHERE id = 1
UPDATE frozen SET v = 1 WHERE id = 1
--@commit
SELECT * FROM frozen ORDER BY id

-- case before delete trigger skips the row
SELECT id, v FROM frozen WHERE id = 2
DELETE FROM frozen WHERE id = 2
--@commit
SELECT * FROM frozen ORDER BY id

-- case before update trigger skips a row read by its key only
SELECT id FROM frozen WHERE id = 3
UPDATE frozen SET v = 1 WHERE id = 3
--@commit
SELECT * FROM frozen ORDER BY id

-- case redundant update suppressed, then a real one
SELECT id, v FROM quiet WHERE id = 1
UPDATE quiet SET v = 0 WHERE id = 1
UPDATE quiet SET v = 5 WHERE id = 1
--@commit
SELECT * FROM quiet

-- case rule that keeps deletes out
CREATE TABLE kept (id INT PRIMARY KEY, v INT NOT NULL)
CREATE RULE keep_rows AS ON DELETE TO kept DO INSTEAD NOTHING
INSERT INTO kept VALUES (1, 0)
--@commit
SELECT id, v FROM kept WHERE id = 1
DELETE FROM kept WHERE id = 1
--@commit
SELECT * FROM kept

-- case insert trigger returns null, prepared
--@prepared
SELECT id, v FROM routed WHERE id = 2
--@prepared
INSERT INTO routed (id, v) VALUES (2, 1)
--@commit
SELECT * FROM routed_elsewhere ORDER BY id

-- ===== issue #13 classes 3-7 (values, guarded SQL, keys of the right table, binds, results) =====
-- case b: setup
CREATE TABLE sb (id INT PRIMARY KEY, v INT NOT NULL, note TEXT)
INSERT INTO sb SELECT g, 0, 'n' FROM generate_series(1, 60) g
--@commit

-- case b: expression aliased like a column, before t.*
SELECT s.v + 1 AS v, s.* FROM sb s WHERE s.id = 1
UPDATE sb SET v = 1 WHERE id = 1
--@commit
SELECT * FROM sb WHERE id = 1

-- case b: expression aliased like a column, after t.*
SELECT s.*, upper(s.note) AS note FROM sb s WHERE s.id = 2
UPDATE sb SET note = 'x' WHERE id = 2
--@commit
SELECT * FROM sb WHERE id = 2

-- case b: constant and function columns in the read
SELECT id, v, 42 AS answer, now() IS NOT NULL AS alive FROM sb WHERE id = 3
UPDATE sb SET v = 3 WHERE id = 3
--@commit
SELECT * FROM sb WHERE id = 3

-- case b: quoted mixed-case table and columns
CREATE TABLE "Mixed" ("Id" INT PRIMARY KEY, "Val" INT NOT NULL, "Note" TEXT)
INSERT INTO "Mixed" VALUES (1, 0, 'a')
--@commit
SELECT "Id", "Val", "Note" FROM "Mixed" WHERE "Id" = 1
UPDATE "Mixed" SET "Val" = 1 WHERE "Id" = 1
--@commit
SELECT * FROM "Mixed" WHERE "Id" = 2
INSERT INTO "Mixed" ("Id", "Val") VALUES (2, 2)
--@commit
SELECT * FROM "Mixed" ORDER BY "Id"

-- case b: keyword-named columns
CREATE TABLE kw ("order" INT PRIMARY KEY, "user" TEXT, "select" INT NOT NULL)
INSERT INTO kw VALUES (1, 'u', 0)
--@commit
SELECT "order", "user", "select" FROM kw WHERE "order" = 1
UPDATE kw SET "select" = 1 WHERE "order" = 1
--@commit
SELECT * FROM kw

-- case b: same table name in another schema, keyed on another column there
CREATE SCHEMA ${schema}_b
CREATE TABLE ${schema}_b.twin2 (code INT PRIMARY KEY, id INT, v INT)
INSERT INTO ${schema}_b.twin2 VALUES (1, 1, 0), (2, 1, 0)
CREATE TABLE twin2 (id INT PRIMARY KEY, code INT, v INT NOT NULL)
INSERT INTO twin2 VALUES (1, 1, 0)
--@commit
SELECT id, code, v FROM twin2 WHERE id = 1
UPDATE twin2 SET v = 1 WHERE id = 1
SELECT code, id, v FROM ${schema}_b.twin2 WHERE code = 1
UPDATE ${schema}_b.twin2 SET v = 1 WHERE code = 1
--@commit
SELECT * FROM twin2
SELECT * FROM ${schema}_b.twin2 ORDER BY code

-- case b: keyless table here, keyed same-named table in another schema
CREATE TABLE ${schema}_b.twin3 (id INT PRIMARY KEY, v INT)
CREATE TABLE twin3 (id INT, v INT NOT NULL)
INSERT INTO twin3 VALUES (1, 0), (1, 0)
--@commit
SELECT id, v FROM twin3 WHERE id = 1
UPDATE twin3 SET v = 1 WHERE id = 1
SELECT id, v FROM twin3 WHERE id = 2
INSERT INTO twin3 VALUES (2, 0)
--@commit
SELECT * FROM twin3 ORDER BY id, v

-- case b: search path changed between transactions
SET search_path TO ${schema}_b, ${schema}
SELECT id, v FROM twin3 WHERE id = 1
UPDATE twin3 SET v = 5 WHERE id = 1
--@commit
SET search_path TO ${schema}
SELECT * FROM ${schema}_b.twin3
DROP SCHEMA ${schema}_b CASCADE
--@commit

-- case b: unique index with included columns, keyed update
CREATE TABLE incl2 (code TEXT NOT NULL, v INT NOT NULL, w INT NOT NULL)
CREATE UNIQUE INDEX incl2_code ON incl2 (code) INCLUDE (v)
INSERT INTO incl2 VALUES ('a', 0, 0)
--@commit
SELECT code, v, w FROM incl2 WHERE code = 'a'
UPDATE incl2 SET w = 1 WHERE code = 'a'
--@commit
SELECT * FROM incl2

-- case b: expression unique index
CREATE TABLE lowered (code TEXT NOT NULL, v INT NOT NULL)
CREATE UNIQUE INDEX lowered_code ON lowered (lower(code))
INSERT INTO lowered VALUES ('A', 0)
--@commit
SELECT code, v FROM lowered WHERE code = 'A'
UPDATE lowered SET v = 1 WHERE code = 'A'
--@commit
SELECT * FROM lowered

-- case b: deferrable primary key
CREATE TABLE dpk (id INT PRIMARY KEY DEFERRABLE INITIALLY DEFERRED, v INT NOT NULL)
INSERT INTO dpk VALUES (1, 0)
--@commit
SELECT id, v FROM dpk WHERE id = 1
UPDATE dpk SET v = 1 WHERE id = 1
SELECT id, v FROM dpk WHERE id = 2
INSERT INTO dpk VALUES (2, 0)
--@commit
SELECT * FROM dpk ORDER BY id

-- case b: partial unique index, insert
CREATE TABLE partial2 (id INT NOT NULL, live BOOLEAN NOT NULL, v INT NOT NULL)
CREATE UNIQUE INDEX partial2_live ON partial2 (id) WHERE live
INSERT INTO partial2 VALUES (1, false, 0)
--@commit
SELECT id, live, v FROM partial2 WHERE id = 1
INSERT INTO partial2 VALUES (1, true, 1)
--@commit
SELECT * FROM partial2 ORDER BY live

-- case b: mixed-case enum in a mixed-case schema off the search path
CREATE SCHEMA "${schema}_T"
CREATE TYPE "${schema}_T"."Mood" AS ENUM ('calm', 'busy')
CREATE TABLE moods2 (id INT PRIMARY KEY, m "${schema}_T"."Mood" NOT NULL, v INT NOT NULL)
INSERT INTO moods2 VALUES (1, 'calm', 0)
--@commit
SELECT id, m, v FROM moods2 WHERE id = 1
UPDATE moods2 SET v = 1 WHERE id = 1
--@commit
SELECT * FROM moods2
DROP TABLE moods2
DROP SCHEMA "${schema}_T" CASCADE
--@commit

-- case b: enum and domain on the search path
CREATE TYPE "Level" AS ENUM ('low', 'high')
CREATE DOMAIN posint AS INT CHECK (VALUE > 0)
CREATE TABLE levels (id INT PRIMARY KEY, l "Level" NOT NULL, p posint, v INT NOT NULL)
INSERT INTO levels VALUES (1, 'high', 3, 0)
--@commit
SELECT id, l, p, v FROM levels WHERE id = 1
UPDATE levels SET v = 1 WHERE id = 1
--@commit
SELECT * FROM levels

-- ===== issue #13: column types round-tripped through a guarded write (read, then write by key; prepared too) =====

-- case b: type smallint holding 7
CREATE TABLE ty_1 (id INT PRIMARY KEY, c smallint, v INT NOT NULL)
INSERT INTO ty_1 VALUES (1, 7, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_1 WHERE id = 1
UPDATE ty_1 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_1 WHERE id = 2
--@prepared
UPDATE ty_1 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_1 WHERE id = 3
INSERT INTO ty_1 VALUES (3, 7, 0)
--@commit
SELECT id, v FROM ty_1 ORDER BY id

-- case b: type integer holding -42
CREATE TABLE ty_2 (id INT PRIMARY KEY, c integer, v INT NOT NULL)
INSERT INTO ty_2 VALUES (1, -42, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_2 WHERE id = 1
UPDATE ty_2 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_2 WHERE id = 2
--@prepared
UPDATE ty_2 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_2 WHERE id = 3
INSERT INTO ty_2 VALUES (3, -42, 0)
--@commit
SELECT id, v FROM ty_2 ORDER BY id

-- case b: type bigint holding 9000000000
CREATE TABLE ty_3 (id INT PRIMARY KEY, c bigint, v INT NOT NULL)
INSERT INTO ty_3 VALUES (1, 9000000000, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_3 WHERE id = 1
UPDATE ty_3 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_3 WHERE id = 2
--@prepared
UPDATE ty_3 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_3 WHERE id = 3
INSERT INTO ty_3 VALUES (3, 9000000000, 0)
--@commit
SELECT id, v FROM ty_3 ORDER BY id

-- case b: type numeric(10,2) holding 1.10
CREATE TABLE ty_4 (id INT PRIMARY KEY, c numeric(10,2), v INT NOT NULL)
INSERT INTO ty_4 VALUES (1, 1.10, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_4 WHERE id = 1
UPDATE ty_4 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_4 WHERE id = 2
--@prepared
UPDATE ty_4 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_4 WHERE id = 3
INSERT INTO ty_4 VALUES (3, 1.10, 0)
--@commit
SELECT id, v FROM ty_4 ORDER BY id

-- case b: type numeric holding 1.100
CREATE TABLE ty_5 (id INT PRIMARY KEY, c numeric, v INT NOT NULL)
INSERT INTO ty_5 VALUES (1, 1.100, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_5 WHERE id = 1
UPDATE ty_5 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_5 WHERE id = 2
--@prepared
UPDATE ty_5 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_5 WHERE id = 3
INSERT INTO ty_5 VALUES (3, 1.100, 0)
--@commit
SELECT id, v FROM ty_5 ORDER BY id

-- case b: type numeric holding 'NaN'
CREATE TABLE ty_6 (id INT PRIMARY KEY, c numeric, v INT NOT NULL)
INSERT INTO ty_6 VALUES (1, 'NaN', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_6 WHERE id = 1
UPDATE ty_6 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_6 WHERE id = 2
--@prepared
UPDATE ty_6 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_6 WHERE id = 3
INSERT INTO ty_6 VALUES (3, 'NaN', 0)
--@commit
SELECT id, v FROM ty_6 ORDER BY id

-- case b: type real holding 0.1
CREATE TABLE ty_7 (id INT PRIMARY KEY, c real, v INT NOT NULL)
INSERT INTO ty_7 VALUES (1, 0.1, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_7 WHERE id = 1
UPDATE ty_7 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_7 WHERE id = 2
--@prepared
UPDATE ty_7 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_7 WHERE id = 3
INSERT INTO ty_7 VALUES (3, 0.1, 0)
--@commit
SELECT id, v FROM ty_7 ORDER BY id

-- case b: type real holding 'NaN'
CREATE TABLE ty_8 (id INT PRIMARY KEY, c real, v INT NOT NULL)
INSERT INTO ty_8 VALUES (1, 'NaN', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_8 WHERE id = 1
UPDATE ty_8 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_8 WHERE id = 2
--@prepared
UPDATE ty_8 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_8 WHERE id = 3
INSERT INTO ty_8 VALUES (3, 'NaN', 0)
--@commit
SELECT id, v FROM ty_8 ORDER BY id

-- case b: type double precision holding 'Infinity'
CREATE TABLE ty_9 (id INT PRIMARY KEY, c double precision, v INT NOT NULL)
INSERT INTO ty_9 VALUES (1, 'Infinity', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_9 WHERE id = 1
UPDATE ty_9 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_9 WHERE id = 2
--@prepared
UPDATE ty_9 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_9 WHERE id = 3
INSERT INTO ty_9 VALUES (3, 'Infinity', 0)
--@commit
SELECT id, v FROM ty_9 ORDER BY id

-- case b: type double precision holding 1e-300
CREATE TABLE ty_10 (id INT PRIMARY KEY, c double precision, v INT NOT NULL)
INSERT INTO ty_10 VALUES (1, 1e-300, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_10 WHERE id = 1
UPDATE ty_10 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_10 WHERE id = 2
--@prepared
UPDATE ty_10 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_10 WHERE id = 3
INSERT INTO ty_10 VALUES (3, 1e-300, 0)
--@commit
SELECT id, v FROM ty_10 ORDER BY id

-- case b: type boolean holding true
CREATE TABLE ty_11 (id INT PRIMARY KEY, c boolean, v INT NOT NULL)
INSERT INTO ty_11 VALUES (1, true, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_11 WHERE id = 1
UPDATE ty_11 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_11 WHERE id = 2
--@prepared
UPDATE ty_11 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_11 WHERE id = 3
INSERT INTO ty_11 VALUES (3, true, 0)
--@commit
SELECT id, v FROM ty_11 ORDER BY id

-- case b: type char(5) holding 'ab'
CREATE TABLE ty_12 (id INT PRIMARY KEY, c char(5), v INT NOT NULL)
INSERT INTO ty_12 VALUES (1, 'ab', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_12 WHERE id = 1
UPDATE ty_12 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_12 WHERE id = 2
--@prepared
UPDATE ty_12 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_12 WHERE id = 3
INSERT INTO ty_12 VALUES (3, 'ab', 0)
--@commit
SELECT id, v FROM ty_12 ORDER BY id

-- case b: type varchar(10) holding 'a '
CREATE TABLE ty_13 (id INT PRIMARY KEY, c varchar(10), v INT NOT NULL)
INSERT INTO ty_13 VALUES (1, 'a ', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_13 WHERE id = 1
UPDATE ty_13 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_13 WHERE id = 2
--@prepared
UPDATE ty_13 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_13 WHERE id = 3
INSERT INTO ty_13 VALUES (3, 'a ', 0)
--@commit
SELECT id, v FROM ty_13 ORDER BY id

-- case b: type text holding ''
CREATE TABLE ty_14 (id INT PRIMARY KEY, c text, v INT NOT NULL)
INSERT INTO ty_14 VALUES (1, '', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_14 WHERE id = 1
UPDATE ty_14 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_14 WHERE id = 2
--@prepared
UPDATE ty_14 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_14 WHERE id = 3
INSERT INTO ty_14 VALUES (3, '', 0)
--@commit
SELECT id, v FROM ty_14 ORDER BY id

-- case b: type text holding 'héllo 😀'
CREATE TABLE ty_15 (id INT PRIMARY KEY, c text, v INT NOT NULL)
INSERT INTO ty_15 VALUES (1, 'héllo 😀', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_15 WHERE id = 1
UPDATE ty_15 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_15 WHERE id = 2
--@prepared
UPDATE ty_15 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_15 WHERE id = 3
INSERT INTO ty_15 VALUES (3, 'héllo 😀', 0)
--@commit
SELECT id, v FROM ty_15 ORDER BY id

-- case b: type bytea holding '\x00ff'
CREATE TABLE ty_16 (id INT PRIMARY KEY, c bytea, v INT NOT NULL)
INSERT INTO ty_16 VALUES (1, '\x00ff', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_16 WHERE id = 1
UPDATE ty_16 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_16 WHERE id = 2
--@prepared
UPDATE ty_16 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_16 WHERE id = 3
INSERT INTO ty_16 VALUES (3, '\x00ff', 0)
--@commit
SELECT id, v FROM ty_16 ORDER BY id

-- case b: type date holding '2024-02-29'
CREATE TABLE ty_17 (id INT PRIMARY KEY, c date, v INT NOT NULL)
INSERT INTO ty_17 VALUES (1, '2024-02-29', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_17 WHERE id = 1
UPDATE ty_17 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_17 WHERE id = 2
--@prepared
UPDATE ty_17 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_17 WHERE id = 3
INSERT INTO ty_17 VALUES (3, '2024-02-29', 0)
--@commit
SELECT id, v FROM ty_17 ORDER BY id

-- case b: type date holding 'infinity'
CREATE TABLE ty_18 (id INT PRIMARY KEY, c date, v INT NOT NULL)
INSERT INTO ty_18 VALUES (1, 'infinity', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_18 WHERE id = 1
UPDATE ty_18 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_18 WHERE id = 2
--@prepared
UPDATE ty_18 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_18 WHERE id = 3
INSERT INTO ty_18 VALUES (3, 'infinity', 0)
--@commit
SELECT id, v FROM ty_18 ORDER BY id

-- case b: type time holding '23:59:59.999999'
CREATE TABLE ty_19 (id INT PRIMARY KEY, c time, v INT NOT NULL)
INSERT INTO ty_19 VALUES (1, '23:59:59.999999', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_19 WHERE id = 1
UPDATE ty_19 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_19 WHERE id = 2
--@prepared
UPDATE ty_19 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_19 WHERE id = 3
INSERT INTO ty_19 VALUES (3, '23:59:59.999999', 0)
--@commit
SELECT id, v FROM ty_19 ORDER BY id

-- case b: type time(0) holding '12:00'
CREATE TABLE ty_20 (id INT PRIMARY KEY, c time(0), v INT NOT NULL)
INSERT INTO ty_20 VALUES (1, '12:00', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_20 WHERE id = 1
UPDATE ty_20 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_20 WHERE id = 2
--@prepared
UPDATE ty_20 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_20 WHERE id = 3
INSERT INTO ty_20 VALUES (3, '12:00', 0)
--@commit
SELECT id, v FROM ty_20 ORDER BY id

-- case b: type timetz holding '10:00+02'
CREATE TABLE ty_21 (id INT PRIMARY KEY, c timetz, v INT NOT NULL)
INSERT INTO ty_21 VALUES (1, '10:00+02', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_21 WHERE id = 1
UPDATE ty_21 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_21 WHERE id = 2
--@prepared
UPDATE ty_21 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_21 WHERE id = 3
INSERT INTO ty_21 VALUES (3, '10:00+02', 0)
--@commit
SELECT id, v FROM ty_21 ORDER BY id

-- case b: type timestamp holding '2024-03-31 02:30:00.123456'
CREATE TABLE ty_22 (id INT PRIMARY KEY, c timestamp, v INT NOT NULL)
INSERT INTO ty_22 VALUES (1, '2024-03-31 02:30:00.123456', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_22 WHERE id = 1
UPDATE ty_22 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_22 WHERE id = 2
--@prepared
UPDATE ty_22 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_22 WHERE id = 3
INSERT INTO ty_22 VALUES (3, '2024-03-31 02:30:00.123456', 0)
--@commit
SELECT id, v FROM ty_22 ORDER BY id

-- case b: type timestamp holding 'infinity'
CREATE TABLE ty_23 (id INT PRIMARY KEY, c timestamp, v INT NOT NULL)
INSERT INTO ty_23 VALUES (1, 'infinity', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_23 WHERE id = 1
UPDATE ty_23 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_23 WHERE id = 2
--@prepared
UPDATE ty_23 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_23 WHERE id = 3
INSERT INTO ty_23 VALUES (3, 'infinity', 0)
--@commit
SELECT id, v FROM ty_23 ORDER BY id

-- case b: type timestamptz holding '2024-03-31 02:30:00+01'
CREATE TABLE ty_24 (id INT PRIMARY KEY, c timestamptz, v INT NOT NULL)
INSERT INTO ty_24 VALUES (1, '2024-03-31 02:30:00+01', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_24 WHERE id = 1
UPDATE ty_24 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_24 WHERE id = 2
--@prepared
UPDATE ty_24 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_24 WHERE id = 3
INSERT INTO ty_24 VALUES (3, '2024-03-31 02:30:00+01', 0)
--@commit
SELECT id, v FROM ty_24 ORDER BY id

-- case b: type interval holding '1 day 02:03:04'
CREATE TABLE ty_25 (id INT PRIMARY KEY, c interval, v INT NOT NULL)
INSERT INTO ty_25 VALUES (1, '1 day 02:03:04', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_25 WHERE id = 1
UPDATE ty_25 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_25 WHERE id = 2
--@prepared
UPDATE ty_25 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_25 WHERE id = 3
INSERT INTO ty_25 VALUES (3, '1 day 02:03:04', 0)
--@commit
SELECT id, v FROM ty_25 ORDER BY id

-- case b: type uuid holding 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'
CREATE TABLE ty_26 (id INT PRIMARY KEY, c uuid, v INT NOT NULL)
INSERT INTO ty_26 VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_26 WHERE id = 1
UPDATE ty_26 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_26 WHERE id = 2
--@prepared
UPDATE ty_26 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_26 WHERE id = 3
INSERT INTO ty_26 VALUES (3, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 0)
--@commit
SELECT id, v FROM ty_26 ORDER BY id

-- case b: type json holding '{"a": 1}'
CREATE TABLE ty_27 (id INT PRIMARY KEY, c json, v INT NOT NULL)
INSERT INTO ty_27 VALUES (1, '{"a": 1}', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_27 WHERE id = 1
UPDATE ty_27 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_27 WHERE id = 2
--@prepared
UPDATE ty_27 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_27 WHERE id = 3
INSERT INTO ty_27 VALUES (3, '{"a": 1}', 0)
--@commit
SELECT id, v FROM ty_27 ORDER BY id

-- case b: type jsonb holding '{"b": 2, "a": 1}'
CREATE TABLE ty_28 (id INT PRIMARY KEY, c jsonb, v INT NOT NULL)
INSERT INTO ty_28 VALUES (1, '{"b": 2, "a": 1}', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_28 WHERE id = 1
UPDATE ty_28 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_28 WHERE id = 2
--@prepared
UPDATE ty_28 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_28 WHERE id = 3
INSERT INTO ty_28 VALUES (3, '{"b": 2, "a": 1}', 0)
--@commit
SELECT id, v FROM ty_28 ORDER BY id

-- case b: type inet holding '192.168.0.1/24'
CREATE TABLE ty_29 (id INT PRIMARY KEY, c inet, v INT NOT NULL)
INSERT INTO ty_29 VALUES (1, '192.168.0.1/24', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_29 WHERE id = 1
UPDATE ty_29 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_29 WHERE id = 2
--@prepared
UPDATE ty_29 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_29 WHERE id = 3
INSERT INTO ty_29 VALUES (3, '192.168.0.1/24', 0)
--@commit
SELECT id, v FROM ty_29 ORDER BY id

-- case b: type cidr holding '10.0.0.0/8'
CREATE TABLE ty_30 (id INT PRIMARY KEY, c cidr, v INT NOT NULL)
INSERT INTO ty_30 VALUES (1, '10.0.0.0/8', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_30 WHERE id = 1
UPDATE ty_30 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_30 WHERE id = 2
--@prepared
UPDATE ty_30 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_30 WHERE id = 3
INSERT INTO ty_30 VALUES (3, '10.0.0.0/8', 0)
--@commit
SELECT id, v FROM ty_30 ORDER BY id

-- case b: type macaddr holding '08:00:2b:01:02:03'
CREATE TABLE ty_31 (id INT PRIMARY KEY, c macaddr, v INT NOT NULL)
INSERT INTO ty_31 VALUES (1, '08:00:2b:01:02:03', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_31 WHERE id = 1
UPDATE ty_31 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_31 WHERE id = 2
--@prepared
UPDATE ty_31 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_31 WHERE id = 3
INSERT INTO ty_31 VALUES (3, '08:00:2b:01:02:03', 0)
--@commit
SELECT id, v FROM ty_31 ORDER BY id

-- case b: type int[] holding '{1,2}'
CREATE TABLE ty_32 (id INT PRIMARY KEY, c int[], v INT NOT NULL)
INSERT INTO ty_32 VALUES (1, '{1,2}', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_32 WHERE id = 1
UPDATE ty_32 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_32 WHERE id = 2
--@prepared
UPDATE ty_32 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_32 WHERE id = 3
INSERT INTO ty_32 VALUES (3, '{1,2}', 0)
--@commit
SELECT id, v FROM ty_32 ORDER BY id

-- case b: type text[] holding '{a,NULL}'
CREATE TABLE ty_33 (id INT PRIMARY KEY, c text[], v INT NOT NULL)
INSERT INTO ty_33 VALUES (1, '{a,NULL}', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_33 WHERE id = 1
UPDATE ty_33 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_33 WHERE id = 2
--@prepared
UPDATE ty_33 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_33 WHERE id = 3
INSERT INTO ty_33 VALUES (3, '{a,NULL}', 0)
--@commit
SELECT id, v FROM ty_33 ORDER BY id

-- case b: type xml holding '<a/>'
CREATE TABLE ty_34 (id INT PRIMARY KEY, c xml, v INT NOT NULL)
INSERT INTO ty_34 VALUES (1, '<a/>', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_34 WHERE id = 1
UPDATE ty_34 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_34 WHERE id = 2
--@prepared
UPDATE ty_34 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_34 WHERE id = 3
INSERT INTO ty_34 VALUES (3, '<a/>', 0)
--@commit
SELECT id, v FROM ty_34 ORDER BY id

-- case b: type money holding 12.34
CREATE TABLE ty_35 (id INT PRIMARY KEY, c money, v INT NOT NULL)
INSERT INTO ty_35 VALUES (1, 12.34, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_35 WHERE id = 1
UPDATE ty_35 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_35 WHERE id = 2
--@prepared
UPDATE ty_35 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_35 WHERE id = 3
INSERT INTO ty_35 VALUES (3, 12.34, 0)
--@commit
SELECT id, v FROM ty_35 ORDER BY id

-- case b: type bit(3) holding B'101'
CREATE TABLE ty_36 (id INT PRIMARY KEY, c bit(3), v INT NOT NULL)
INSERT INTO ty_36 VALUES (1, B'101', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_36 WHERE id = 1
UPDATE ty_36 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_36 WHERE id = 2
--@prepared
UPDATE ty_36 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_36 WHERE id = 3
INSERT INTO ty_36 VALUES (3, B'101', 0)
--@commit
SELECT id, v FROM ty_36 ORDER BY id

-- case b: type varbit holding B'1'
CREATE TABLE ty_37 (id INT PRIMARY KEY, c varbit, v INT NOT NULL)
INSERT INTO ty_37 VALUES (1, B'1', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_37 WHERE id = 1
UPDATE ty_37 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_37 WHERE id = 2
--@prepared
UPDATE ty_37 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_37 WHERE id = 3
INSERT INTO ty_37 VALUES (3, B'1', 0)
--@commit
SELECT id, v FROM ty_37 ORDER BY id

-- case b: type point holding '(1,2)'
CREATE TABLE ty_38 (id INT PRIMARY KEY, c point, v INT NOT NULL)
INSERT INTO ty_38 VALUES (1, '(1,2)', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_38 WHERE id = 1
UPDATE ty_38 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_38 WHERE id = 2
--@prepared
UPDATE ty_38 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_38 WHERE id = 3
INSERT INTO ty_38 VALUES (3, '(1,2)', 0)
--@commit
SELECT id, v FROM ty_38 ORDER BY id

-- case b: type tsvector holding 'a b'
CREATE TABLE ty_39 (id INT PRIMARY KEY, c tsvector, v INT NOT NULL)
INSERT INTO ty_39 VALUES (1, 'a b', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_39 WHERE id = 1
UPDATE ty_39 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_39 WHERE id = 2
--@prepared
UPDATE ty_39 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_39 WHERE id = 3
INSERT INTO ty_39 VALUES (3, 'a b', 0)
--@commit
SELECT id, v FROM ty_39 ORDER BY id

-- case b: type int4range holding '[1,5)'
CREATE TABLE ty_40 (id INT PRIMARY KEY, c int4range, v INT NOT NULL)
INSERT INTO ty_40 VALUES (1, '[1,5)', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_40 WHERE id = 1
UPDATE ty_40 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_40 WHERE id = 2
--@prepared
UPDATE ty_40 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_40 WHERE id = 3
INSERT INTO ty_40 VALUES (3, '[1,5)', 0)
--@commit
SELECT id, v FROM ty_40 ORDER BY id

-- case b: type "char" holding 'x'
CREATE TABLE ty_41 (id INT PRIMARY KEY, c "char", v INT NOT NULL)
INSERT INTO ty_41 VALUES (1, 'x', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_41 WHERE id = 1
UPDATE ty_41 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_41 WHERE id = 2
--@prepared
UPDATE ty_41 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_41 WHERE id = 3
INSERT INTO ty_41 VALUES (3, 'x', 0)
--@commit
SELECT id, v FROM ty_41 ORDER BY id

-- case b: type name holding 'n'
CREATE TABLE ty_42 (id INT PRIMARY KEY, c name, v INT NOT NULL)
INSERT INTO ty_42 VALUES (1, 'n', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_42 WHERE id = 1
UPDATE ty_42 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_42 WHERE id = 2
--@prepared
UPDATE ty_42 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_42 WHERE id = 3
INSERT INTO ty_42 VALUES (3, 'n', 0)
--@commit
SELECT id, v FROM ty_42 ORDER BY id

-- case b: type oid holding 1
CREATE TABLE ty_43 (id INT PRIMARY KEY, c oid, v INT NOT NULL)
INSERT INTO ty_43 VALUES (1, 1, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_43 WHERE id = 1
UPDATE ty_43 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_43 WHERE id = 2
--@prepared
UPDATE ty_43 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_43 WHERE id = 3
INSERT INTO ty_43 VALUES (3, 1, 0)
--@commit
SELECT id, v FROM ty_43 ORDER BY id

-- case b: type numeric(20,10) holding -0.0000000001
CREATE TABLE ty_44 (id INT PRIMARY KEY, c numeric(20,10), v INT NOT NULL)
INSERT INTO ty_44 VALUES (1, -0.0000000001, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_44 WHERE id = 1
UPDATE ty_44 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_44 WHERE id = 2
--@prepared
UPDATE ty_44 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_44 WHERE id = 3
INSERT INTO ty_44 VALUES (3, -0.0000000001, 0)
--@commit
SELECT id, v FROM ty_44 ORDER BY id

-- case b: type varchar holding repeat('x', 3000)
CREATE TABLE ty_45 (id INT PRIMARY KEY, c varchar, v INT NOT NULL)
INSERT INTO ty_45 VALUES (1, repeat('x', 3000), 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_45 WHERE id = 1
UPDATE ty_45 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_45 WHERE id = 2
--@prepared
UPDATE ty_45 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_45 WHERE id = 3
INSERT INTO ty_45 VALUES (3, repeat('x', 3000), 0)
--@commit
SELECT id, v FROM ty_45 ORDER BY id

-- case collation: setup (citext lives in public, off the run's search_path; the collation is the run's own)
CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)
CREATE DOMAIN dom_citext AS public.citext
CREATE DOMAIN dom_ci AS text COLLATE ci
CREATE TABLE loose (id INT PRIMARY KEY, a public.citext, b text COLLATE ci, c varchar(10) COLLATE ci, d char(6) COLLATE ci, e dom_citext, f dom_ci, v INT NOT NULL)
INSERT INTO loose VALUES (1, 'Ann', 'Ann', 'Ann', 'Ann', 'Ann', 'Ann', 0), (2, NULL, NULL, NULL, NULL, NULL, NULL, 0), (3, 'Ann', 'Ann', 'Ann', 'Ann ', 'Ann', 'Ann', 0), (4, 'Ann', 'Ann', 'Ann', 'Ann', 'Ann', 'Ann', 0), (5, 'Ann', 'Ann', 'Ann', 'Ann', 'Ann', 'Ann', 0), (6, 'Ann', 'Ann', 'Ann', 'Ann', 'Ann', 'Ann', 0)
CREATE TABLE loose_key (k public.citext PRIMARY KEY, n text COLLATE ci UNIQUE, v INT NOT NULL)
INSERT INTO loose_key VALUES ('Key', 'Name', 0), ('Other', 'Else', 0)
--@commit

-- case collation: citext and nondeterministic columns read, then written unchanged
SELECT id, a, b, c, d, e, f, v FROM loose WHERE id = 1
UPDATE loose SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM loose WHERE id = 2
--@prepared
UPDATE loose SET v = 1 WHERE id = 2
SELECT * FROM loose WHERE id = 3
UPDATE loose SET v = 1 WHERE id = 3
--@commit
SELECT id, a, b, c, d, e, f, v FROM loose ORDER BY id

-- case collation: the transaction changes only the case, then writes again
SELECT * FROM loose WHERE id = 4
UPDATE loose SET a = 'ANN', b = 'aNN', c = 'ANN', d = 'ann', e = 'ANN', f = 'ANN' WHERE id = 4
SELECT * FROM loose WHERE id = 4
UPDATE loose SET v = 2 WHERE id = 4
--@commit
SELECT * FROM loose WHERE id = 4

-- case collation: a case-only change by a function the guard cannot see through, then the write
SELECT * FROM loose WHERE id = 5
SELECT upper(a) FROM loose WHERE id = 5
UPDATE loose SET a = upper(a), b = lower(b) WHERE id = 5
UPDATE loose SET v = 3 WHERE id = 5
--@commit
SELECT * FROM loose WHERE id = 5

-- case collation: another session changed the case before the transaction read the row
--@other UPDATE loose SET a = 'ANN', f = 'ann' WHERE id = 6
SELECT a, f, v FROM loose WHERE id = 6
UPDATE loose SET v = 4 WHERE id = 6
--@commit
SELECT * FROM loose WHERE id = 6

-- case collation: keys under citext and a nondeterministic collation, found by another case
SELECT * FROM loose_key WHERE k = 'key'
UPDATE loose_key SET v = 1 WHERE k = 'key'
SELECT * FROM loose_key WHERE n = 'NAME'
UPDATE loose_key SET v = 2 WHERE n = 'NAME'
--@prepared
SELECT k, n, v FROM loose_key WHERE k = 'OTHER'
UPDATE loose_key SET k = 'OTHER' WHERE k = 'other'
SELECT k, n, v FROM loose_key WHERE k = 'Other'
UPDATE loose_key SET v = 3 WHERE k = 'Other'
SELECT k, v FROM loose_key WHERE k = 'new'
INSERT INTO loose_key VALUES ('NEW', 'n', 0)
INSERT INTO loose_key VALUES ('new', 'm', 0)
--@commit
SELECT * FROM loose_key ORDER BY k

-- case sql transaction: START TRANSACTION and END, BEGIN and ABORT, a savepoint rolled back in SQL
CREATE TABLE sqltx (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))
INSERT INTO sqltx VALUES (1, 0, 'n'), (2, 0, 'n'), (3, 0, 'n')
--@commit
--@autocommit on
SELECT id, v, note FROM sqltx WHERE id = 1
--@other UPDATE sqltx SET v = 99 WHERE id = 1
START TRANSACTION ISOLATION LEVEL REPEATABLE READ
UPDATE sqltx SET note = 'in' WHERE id = 1
END
SELECT id, v, note FROM sqltx WHERE id = 2
BEGIN
SELECT id, v, note FROM sqltx WHERE id = 2
UPDATE sqltx SET v = 2 WHERE id = 2
ABORT
--@other UPDATE sqltx SET v = 98 WHERE id = 2
UPDATE sqltx SET note = 'after' WHERE id = 2
BEGIN
SELECT id, v FROM sqltx WHERE id = 3
SAVEPOINT s
UPDATE sqltx SET v = 3 WHERE id = 3
ROLLBACK TO SAVEPOINT s
UPDATE sqltx SET v = 4 WHERE id = 3
RELEASE SAVEPOINT s
SELECT id, v FROM sqltx WHERE id = 3
UPDATE sqltx SET note = 'x' WHERE id = 3
COMMIT
--@autocommit off
SELECT * FROM sqltx ORDER BY id
--@commit
