-- The guard's soundness on H2 (an in-memory database of the run's own).
-- case setup
CREATE TABLE acc (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))
INSERT INTO acc SELECT x, 0, 'n' FROM SYSTEM_RANGE(1, 30)
--@autocommit off

-- case schema-qualified write
SELECT id, v, note FROM acc WHERE id = 1
UPDATE PUBLIC.acc SET v = 5 WHERE id = 1
UPDATE acc SET note = 'after' WHERE id = 1
--@commit
SELECT * FROM acc WHERE id = 1

-- case on delete cascade
CREATE TABLE parent (id INT PRIMARY KEY, v INT NOT NULL)
CREATE TABLE child (id INT PRIMARY KEY, parent_id INT REFERENCES parent(id) ON DELETE CASCADE ON UPDATE CASCADE, v INT NOT NULL)
INSERT INTO parent VALUES (1, 0), (2, 0)
INSERT INTO child VALUES (1, 1, 0), (2, 2, 0)
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

-- case merge on another unique key
CREATE TABLE coded (id INT PRIMARY KEY, code VARCHAR(10) UNIQUE NOT NULL, v INT NOT NULL)
INSERT INTO coded VALUES (1, 'a', 0)
--@commit
SELECT id, code, v FROM coded WHERE id = 1
MERGE INTO coded c USING (VALUES ('a', 5)) AS s(code, v) ON c.code = s.code WHEN MATCHED THEN UPDATE SET v = s.v
UPDATE coded SET v = 6 WHERE id = 1
--@commit
SELECT * FROM coded

-- case rollback to savepoint
SELECT id, v, note FROM acc WHERE id = 6
--@savepoint s1
UPDATE acc SET v = 1 WHERE id = 6
--@rollback to s1
UPDATE acc SET note = 'after' WHERE id = 6
--@commit
SELECT * FROM acc WHERE id = 6

-- case expression column in the read
SELECT a.*, a.v + 1 AS next_v FROM acc a WHERE a.id = 7
UPDATE acc SET v = 1 WHERE id = 7
--@commit
SELECT * FROM acc WHERE id = 7

-- case quoted lower-case table and columns
CREATE TABLE "user" ("id" INT PRIMARY KEY, "name" VARCHAR(20), "v" INT NOT NULL)
INSERT INTO "user" VALUES (1, 'a', 0)
--@commit
SELECT "id", "name", "v" FROM "user" WHERE "id" = 1
UPDATE "user" SET "v" = 1 WHERE "id" = 1
--@commit
SELECT * FROM "user"

-- case case-insensitive varchar
CREATE TABLE words (id INT PRIMARY KEY, w VARCHAR_IGNORECASE(20) NOT NULL, v INT NOT NULL)
INSERT INTO words VALUES (1, 'Abc', 0)
--@commit
SELECT id, w, v FROM words WHERE id = 1
UPDATE words SET v = 1 WHERE id = 1
--@commit
SELECT * FROM words

-- case many types read with getObject
CREATE TABLE typed (id INT PRIMARY KEY, n DECIMAL(10,2), r REAL, d DOUBLE PRECISION, b BOOLEAN, dt DATE, t TIME, t6 TIME(6), ts TIMESTAMP(6), tstz TIMESTAMP WITH TIME ZONE, tz TIME WITH TIME ZONE, by VARBINARY(8), u UUID, j JSON, arr INTEGER ARRAY, i INTERVAL DAY TO SECOND, ch CHAR(5), v INT NOT NULL)
INSERT INTO typed VALUES (1, 1.10, 0.1, 0.1, TRUE, DATE '2024-02-29', TIME '23:59:59', TIME '12:00:00.123456', TIMESTAMP '2024-03-31 02:30:00.123456', TIMESTAMP WITH TIME ZONE '2024-03-31 02:30:00+01', TIME WITH TIME ZONE '10:00:00+02', X'00ff', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', JSON '{"a":1}', ARRAY[1, 2], INTERVAL '1 02:03:04' DAY TO SECOND, 'ab', 0)
INSERT INTO typed (id, v) VALUES (2, 0)
--@commit
SELECT * FROM typed WHERE id = 1
UPDATE typed SET v = 1 WHERE id = 1
--@commit
SELECT * FROM typed WHERE id = 2
UPDATE typed SET v = 1 WHERE id = 2
--@commit
SELECT id, v FROM typed ORDER BY id

-- case insert after an absent read
SELECT id, v FROM acc WHERE id = 100
INSERT INTO acc (id, v) VALUES (100, 1)
--@commit
SELECT * FROM acc WHERE id = 100

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

-- Issue #13 classes 1, 2 and 8: writes the guard must see (or must take as ending the reads they may have
-- changed), and transaction boundaries; with the ordinary shapes beside them.
-- case more rows
CREATE TABLE more (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))
INSERT INTO more SELECT x, 0, 'n' FROM SYSTEM_RANGE(1, 60)
--@commit

-- case qualified read and write of the same row
SELECT id, v, note FROM PUBLIC.more WHERE id = 1
UPDATE PUBLIC.more SET v = 1 WHERE id = 1
--@commit
SELECT * FROM more WHERE id = 1

-- case qualified read, unqualified write
SELECT id, v, note FROM PUBLIC.more WHERE id = 2
UPDATE more SET v = 5 WHERE id = 2
UPDATE PUBLIC.more SET note = 'after' WHERE id = 2
--@commit
SELECT * FROM more WHERE id = 2

-- case qualified read, unqualified delete, insert of the same key
SELECT id, v FROM PUBLIC.more WHERE id = 3
DELETE FROM more WHERE id = 3
INSERT INTO PUBLIC.more (id, v) VALUES (3, 7)
--@commit
SELECT * FROM more WHERE id = 3

-- case built-in functions in the read and between
SELECT id, v, lower(note), length(note) FROM more WHERE id = 4
SELECT coalesce(NULL, 1), abs(-2)
UPDATE more SET v = 1 WHERE id = 4
--@commit
SELECT * FROM more WHERE id = 4

-- case read-only with clause before a write
SELECT id, v, note FROM more WHERE id = 5
WITH w AS (SELECT id FROM more WHERE id = 5) SELECT count(*) FROM w
UPDATE more SET v = 1 WHERE id = 5
--@commit
SELECT * FROM more WHERE id = 5

-- case a write then a query in one string
SELECT id, v, note FROM more WHERE id = 6
UPDATE more SET v = 3 WHERE id = 6; SELECT 1
UPDATE more SET note = 'after' WHERE id = 6
--@commit
SELECT * FROM more WHERE id = 6

-- case rollback to a savepoint undoes a write made before the read
--@savepoint s3
UPDATE more SET v = 1 WHERE id = 7
SELECT id, v, note FROM more WHERE id = 7
--@rollback to s3
UPDATE more SET note = 'after' WHERE id = 7
--@commit
SELECT * FROM more WHERE id = 7

-- case rollback to a savepoint in SQL
SAVEPOINT s4
UPDATE more SET v = 1 WHERE id = 8
SELECT id, v, note FROM more WHERE id = 8
ROLLBACK TO SAVEPOINT s4
UPDATE more SET note = 'after' WHERE id = 8
--@commit
SELECT * FROM more WHERE id = 8

-- case merge on the key read
SELECT id, v, note FROM more WHERE id = 9
MERGE INTO more (id, v, note) KEY (id) VALUES (9, 9, 'm')
UPDATE more SET v = 1 WHERE id = 9
--@commit
SELECT * FROM more WHERE id = 9

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

-- case read in autocommit, another session writes, write in a transaction
--@autocommit on
SELECT id, v, note FROM more WHERE id = 10
--@other UPDATE more SET v = 99 WHERE id = 10
--@autocommit off
UPDATE more SET note = 'after' WHERE id = 10
--@commit
SELECT * FROM more WHERE id = 10

-- case read in autocommit, write in autocommit
--@autocommit on
SELECT id, v, note FROM more WHERE id = 11
UPDATE more SET v = 1 WHERE id = 11
--@autocommit off
SELECT * FROM more WHERE id = 11

-- case read in a transaction, another session writes after its commit, write in the next
SELECT id, v, note FROM more WHERE id = 12
--@commit
--@other UPDATE more SET v = 99 WHERE id = 12
UPDATE more SET note = 'after' WHERE id = 12
--@commit
SELECT * FROM more WHERE id = 12

-- case read, rollback, write in the next transaction
SELECT id, v, note FROM more WHERE id = 13
--@rollback
--@other UPDATE more SET v = 99 WHERE id = 13
UPDATE more SET note = 'after' WHERE id = 13
--@commit
SELECT * FROM more WHERE id = 13

-- case guarded delete of the row read
SELECT id, v, note FROM more WHERE id = 14
DELETE FROM more WHERE id = 14
--@commit
SELECT count(*) FROM more WHERE id = 14

-- case guarded write of several columns read
SELECT id, v, note FROM more WHERE id = 15
UPDATE more SET v = 2, note = 'two' WHERE id = 15
--@commit
SELECT * FROM more WHERE id = 15

-- case prepared read and write of the same row
--@prepared
SELECT id, v, note FROM more WHERE id = 16
--@prepared
UPDATE more SET v = 1 WHERE id = 16
--@commit
SELECT * FROM more WHERE id = 16

-- case two rows read, both written
SELECT id, v FROM more WHERE id = 17
SELECT id, v FROM more WHERE id = 18
UPDATE more SET v = 1 WHERE id = 17
UPDATE more SET v = 1 WHERE id = 18
--@commit
SELECT * FROM more WHERE id IN (17, 18) ORDER BY id

-- case a row written twice after one read
SELECT id, v, note FROM more WHERE id = 19
UPDATE more SET v = 1 WHERE id = 19
UPDATE more SET v = 2 WHERE id = 19
--@commit
SELECT * FROM more WHERE id = 19

-- case an absent row read, then updated
SELECT id, v FROM more WHERE id = 300
UPDATE more SET v = 1 WHERE id = 300
--@commit
SELECT count(*) FROM more WHERE id = 300

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

-- case on delete cascade, keyed read of the parent too
INSERT INTO parent VALUES (3, 0)
INSERT INTO child VALUES (3, 3, 0)
--@commit
SELECT id, v FROM parent WHERE id = 3
SELECT id, parent_id, v FROM child WHERE id = 3
DELETE FROM parent WHERE id = 3
UPDATE child SET v = 1 WHERE id = 3
--@commit
SELECT * FROM child ORDER BY id

-- ===== issue #13 classes 3-7 (values, guarded SQL, keys of the right table, binds, results) =====
-- case b: setup
CREATE TABLE sb (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))
INSERT INTO sb SELECT x, 0, 'n' FROM SYSTEM_RANGE(1, 60)
--@commit

-- case b: expression aliased like a column, before t.*
SELECT s.v + 1 AS v, s.* FROM sb s WHERE s.id = 1
UPDATE sb SET v = 1 WHERE id = 1
--@commit
SELECT * FROM sb WHERE id = 1

-- case b: expression aliased like a column, after t.*
SELECT s.*, UPPER(s.note) AS note FROM sb s WHERE s.id = 2
UPDATE sb SET note = 'x' WHERE id = 2
--@commit
SELECT * FROM sb WHERE id = 2

-- case b: constant and function columns in the read
SELECT id, v, 42 AS answer, CURRENT_TIMESTAMP IS NOT NULL AS alive FROM sb WHERE id = 3
UPDATE sb SET v = 3 WHERE id = 3
--@commit
SELECT * FROM sb WHERE id = 3

-- case b: quoted mixed-case table and columns
CREATE TABLE "Mixed" ("Id" INT PRIMARY KEY, "Val" INT NOT NULL, "Note" VARCHAR(10))
INSERT INTO "Mixed" VALUES (1, 0, 'a')
--@commit
SELECT "Id", "Val", "Note" FROM "Mixed" WHERE "Id" = 1
UPDATE "Mixed" SET "Val" = 1 WHERE "Id" = 1
--@commit
SELECT * FROM "Mixed" ORDER BY "Id"

-- case b: quoted lower-case columns read with select star
CREATE TABLE "lower_t" ("id" INT PRIMARY KEY, "v" INT NOT NULL, "note" VARCHAR(10))
INSERT INTO "lower_t" VALUES (1, 0, 'a')
--@commit
SELECT * FROM "lower_t" WHERE "id" = 1
UPDATE "lower_t" SET "v" = 1 WHERE "id" = 1
--@commit
SELECT * FROM "lower_t"

-- case b: keyword-named columns
CREATE TABLE kw ("ORDER" INT PRIMARY KEY, "USER" VARCHAR(10), "SELECT" INT NOT NULL)
INSERT INTO kw VALUES (1, 'u', 0)
--@commit
SELECT "ORDER", "USER", "SELECT" FROM kw WHERE "ORDER" = 1
UPDATE kw SET "SELECT" = 1 WHERE "ORDER" = 1
--@commit
SELECT * FROM kw

-- case b: same table name in another schema, keyed on another column there
CREATE SCHEMA other_b
CREATE TABLE other_b.twin2 (code INT PRIMARY KEY, id INT, v INT)
INSERT INTO other_b.twin2 VALUES (1, 1, 0), (2, 1, 0)
CREATE TABLE twin2 (id INT PRIMARY KEY, code INT, v INT NOT NULL)
INSERT INTO twin2 VALUES (1, 1, 0)
--@commit
SELECT id, code, v FROM twin2 WHERE id = 1
UPDATE twin2 SET v = 1 WHERE id = 1
SELECT code, id, v FROM other_b.twin2 WHERE code = 1
UPDATE other_b.twin2 SET v = 1 WHERE code = 1
--@commit
SELECT * FROM twin2
SELECT * FROM other_b.twin2 ORDER BY code

-- case b: keyless table here, keyed same-named table in another schema
CREATE TABLE other_b.twin3 (id INT PRIMARY KEY, v INT)
CREATE TABLE twin3 (id INT, v INT NOT NULL)
INSERT INTO twin3 VALUES (1, 0), (1, 0)
--@commit
SELECT id, v FROM twin3 WHERE id = 1
UPDATE twin3 SET v = 1 WHERE id = 1
--@commit
SELECT * FROM twin3 ORDER BY id, v

-- case b: current schema changed between transactions
SET SCHEMA other_b
SELECT id, v FROM twin3 WHERE id = 1
INSERT INTO twin3 VALUES (1, 5)
--@commit
SET SCHEMA PUBLIC
SELECT * FROM other_b.twin3

-- ===== issue #13: column types round-tripped through a guarded write (read, then write by key; prepared too) =====

-- case b: type tinyint holding 7
CREATE TABLE ty_1 (id INT PRIMARY KEY, c tinyint, v INT NOT NULL)
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

-- case b: type smallint holding -300
CREATE TABLE ty_2 (id INT PRIMARY KEY, c smallint, v INT NOT NULL)
INSERT INTO ty_2 VALUES (1, -300, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_2 WHERE id = 1
UPDATE ty_2 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_2 WHERE id = 2
--@prepared
UPDATE ty_2 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_2 WHERE id = 3
INSERT INTO ty_2 VALUES (3, -300, 0)
--@commit
SELECT id, v FROM ty_2 ORDER BY id

-- case b: type int holding -42
CREATE TABLE ty_3 (id INT PRIMARY KEY, c int, v INT NOT NULL)
INSERT INTO ty_3 VALUES (1, -42, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_3 WHERE id = 1
UPDATE ty_3 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_3 WHERE id = 2
--@prepared
UPDATE ty_3 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_3 WHERE id = 3
INSERT INTO ty_3 VALUES (3, -42, 0)
--@commit
SELECT id, v FROM ty_3 ORDER BY id

-- case b: type bigint holding 9000000000
CREATE TABLE ty_4 (id INT PRIMARY KEY, c bigint, v INT NOT NULL)
INSERT INTO ty_4 VALUES (1, 9000000000, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_4 WHERE id = 1
UPDATE ty_4 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_4 WHERE id = 2
--@prepared
UPDATE ty_4 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_4 WHERE id = 3
INSERT INTO ty_4 VALUES (3, 9000000000, 0)
--@commit
SELECT id, v FROM ty_4 ORDER BY id

-- case b: type numeric(10,2) holding 1.10
CREATE TABLE ty_5 (id INT PRIMARY KEY, c numeric(10,2), v INT NOT NULL)
INSERT INTO ty_5 VALUES (1, 1.10, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_5 WHERE id = 1
UPDATE ty_5 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_5 WHERE id = 2
--@prepared
UPDATE ty_5 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_5 WHERE id = 3
INSERT INTO ty_5 VALUES (3, 1.10, 0)
--@commit
SELECT id, v FROM ty_5 ORDER BY id

-- case b: type decfloat holding 1.5
CREATE TABLE ty_6 (id INT PRIMARY KEY, c decfloat, v INT NOT NULL)
INSERT INTO ty_6 VALUES (1, 1.5, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_6 WHERE id = 1
UPDATE ty_6 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_6 WHERE id = 2
--@prepared
UPDATE ty_6 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_6 WHERE id = 3
INSERT INTO ty_6 VALUES (3, 1.5, 0)
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

-- case b: type double precision holding 1e-300
CREATE TABLE ty_8 (id INT PRIMARY KEY, c double precision, v INT NOT NULL)
INSERT INTO ty_8 VALUES (1, 1e-300, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_8 WHERE id = 1
UPDATE ty_8 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_8 WHERE id = 2
--@prepared
UPDATE ty_8 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_8 WHERE id = 3
INSERT INTO ty_8 VALUES (3, 1e-300, 0)
--@commit
SELECT id, v FROM ty_8 ORDER BY id

-- case b: type boolean holding true
CREATE TABLE ty_9 (id INT PRIMARY KEY, c boolean, v INT NOT NULL)
INSERT INTO ty_9 VALUES (1, true, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_9 WHERE id = 1
UPDATE ty_9 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_9 WHERE id = 2
--@prepared
UPDATE ty_9 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_9 WHERE id = 3
INSERT INTO ty_9 VALUES (3, true, 0)
--@commit
SELECT id, v FROM ty_9 ORDER BY id

-- case b: type char(5) holding 'ab'
CREATE TABLE ty_10 (id INT PRIMARY KEY, c char(5), v INT NOT NULL)
INSERT INTO ty_10 VALUES (1, 'ab', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_10 WHERE id = 1
UPDATE ty_10 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_10 WHERE id = 2
--@prepared
UPDATE ty_10 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_10 WHERE id = 3
INSERT INTO ty_10 VALUES (3, 'ab', 0)
--@commit
SELECT id, v FROM ty_10 ORDER BY id

-- case b: type varchar(10) holding 'a '
CREATE TABLE ty_11 (id INT PRIMARY KEY, c varchar(10), v INT NOT NULL)
INSERT INTO ty_11 VALUES (1, 'a ', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_11 WHERE id = 1
UPDATE ty_11 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_11 WHERE id = 2
--@prepared
UPDATE ty_11 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_11 WHERE id = 3
INSERT INTO ty_11 VALUES (3, 'a ', 0)
--@commit
SELECT id, v FROM ty_11 ORDER BY id

-- case b: type varchar(10) holding ''
CREATE TABLE ty_12 (id INT PRIMARY KEY, c varchar(10), v INT NOT NULL)
INSERT INTO ty_12 VALUES (1, '', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_12 WHERE id = 1
UPDATE ty_12 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_12 WHERE id = 2
--@prepared
UPDATE ty_12 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_12 WHERE id = 3
INSERT INTO ty_12 VALUES (3, '', 0)
--@commit
SELECT id, v FROM ty_12 ORDER BY id

-- case b: type varchar_ignorecase(10) holding 'Abc'
CREATE TABLE ty_13 (id INT PRIMARY KEY, c varchar_ignorecase(10), v INT NOT NULL)
INSERT INTO ty_13 VALUES (1, 'Abc', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_13 WHERE id = 1
UPDATE ty_13 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_13 WHERE id = 2
--@prepared
UPDATE ty_13 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_13 WHERE id = 3
INSERT INTO ty_13 VALUES (3, 'Abc', 0)
--@commit
SELECT id, v FROM ty_13 ORDER BY id

-- case b: type varchar(20) holding 'héllo 😀'
CREATE TABLE ty_14 (id INT PRIMARY KEY, c varchar(20), v INT NOT NULL)
INSERT INTO ty_14 VALUES (1, 'héllo 😀', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_14 WHERE id = 1
UPDATE ty_14 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_14 WHERE id = 2
--@prepared
UPDATE ty_14 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_14 WHERE id = 3
INSERT INTO ty_14 VALUES (3, 'héllo 😀', 0)
--@commit
SELECT id, v FROM ty_14 ORDER BY id

-- case b: type clob holding 't'
CREATE TABLE ty_15 (id INT PRIMARY KEY, c clob, v INT NOT NULL)
INSERT INTO ty_15 VALUES (1, 't', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_15 WHERE id = 1
UPDATE ty_15 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_15 WHERE id = 2
--@prepared
UPDATE ty_15 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_15 WHERE id = 3
INSERT INTO ty_15 VALUES (3, 't', 0)
--@commit
SELECT id, v FROM ty_15 ORDER BY id

-- case b: type binary(2) holding X'0102'
CREATE TABLE ty_16 (id INT PRIMARY KEY, c binary(2), v INT NOT NULL)
INSERT INTO ty_16 VALUES (1, X'0102', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_16 WHERE id = 1
UPDATE ty_16 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_16 WHERE id = 2
--@prepared
UPDATE ty_16 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_16 WHERE id = 3
INSERT INTO ty_16 VALUES (3, X'0102', 0)
--@commit
SELECT id, v FROM ty_16 ORDER BY id

-- case b: type varbinary(8) holding X'00ff'
CREATE TABLE ty_17 (id INT PRIMARY KEY, c varbinary(8), v INT NOT NULL)
INSERT INTO ty_17 VALUES (1, X'00ff', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_17 WHERE id = 1
UPDATE ty_17 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_17 WHERE id = 2
--@prepared
UPDATE ty_17 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_17 WHERE id = 3
INSERT INTO ty_17 VALUES (3, X'00ff', 0)
--@commit
SELECT id, v FROM ty_17 ORDER BY id

-- case b: type blob holding X'00'
CREATE TABLE ty_18 (id INT PRIMARY KEY, c blob, v INT NOT NULL)
INSERT INTO ty_18 VALUES (1, X'00', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_18 WHERE id = 1
UPDATE ty_18 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_18 WHERE id = 2
--@prepared
UPDATE ty_18 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_18 WHERE id = 3
INSERT INTO ty_18 VALUES (3, X'00', 0)
--@commit
SELECT id, v FROM ty_18 ORDER BY id

-- case b: type date holding DATE '2024-02-29'
CREATE TABLE ty_19 (id INT PRIMARY KEY, c date, v INT NOT NULL)
INSERT INTO ty_19 VALUES (1, DATE '2024-02-29', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_19 WHERE id = 1
UPDATE ty_19 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_19 WHERE id = 2
--@prepared
UPDATE ty_19 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_19 WHERE id = 3
INSERT INTO ty_19 VALUES (3, DATE '2024-02-29', 0)
--@commit
SELECT id, v FROM ty_19 ORDER BY id

-- case b: type time holding TIME '23:59:59'
CREATE TABLE ty_20 (id INT PRIMARY KEY, c time, v INT NOT NULL)
INSERT INTO ty_20 VALUES (1, TIME '23:59:59', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_20 WHERE id = 1
UPDATE ty_20 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_20 WHERE id = 2
--@prepared
UPDATE ty_20 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_20 WHERE id = 3
INSERT INTO ty_20 VALUES (3, TIME '23:59:59', 0)
--@commit
SELECT id, v FROM ty_20 ORDER BY id

-- case b: type time(6) holding TIME '12:00:00.123456'
CREATE TABLE ty_21 (id INT PRIMARY KEY, c time(6), v INT NOT NULL)
INSERT INTO ty_21 VALUES (1, TIME '12:00:00.123456', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_21 WHERE id = 1
UPDATE ty_21 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_21 WHERE id = 2
--@prepared
UPDATE ty_21 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_21 WHERE id = 3
INSERT INTO ty_21 VALUES (3, TIME '12:00:00.123456', 0)
--@commit
SELECT id, v FROM ty_21 ORDER BY id

-- case b: type time with time zone holding TIME WITH TIME ZONE '10:00:00+02'
CREATE TABLE ty_22 (id INT PRIMARY KEY, c time with time zone, v INT NOT NULL)
INSERT INTO ty_22 VALUES (1, TIME WITH TIME ZONE '10:00:00+02', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_22 WHERE id = 1
UPDATE ty_22 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_22 WHERE id = 2
--@prepared
UPDATE ty_22 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_22 WHERE id = 3
INSERT INTO ty_22 VALUES (3, TIME WITH TIME ZONE '10:00:00+02', 0)
--@commit
SELECT id, v FROM ty_22 ORDER BY id

-- case b: type timestamp(6) holding TIMESTAMP '2024-03-31 02:30:00.123456'
CREATE TABLE ty_23 (id INT PRIMARY KEY, c timestamp(6), v INT NOT NULL)
INSERT INTO ty_23 VALUES (1, TIMESTAMP '2024-03-31 02:30:00.123456', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_23 WHERE id = 1
UPDATE ty_23 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_23 WHERE id = 2
--@prepared
UPDATE ty_23 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_23 WHERE id = 3
INSERT INTO ty_23 VALUES (3, TIMESTAMP '2024-03-31 02:30:00.123456', 0)
--@commit
SELECT id, v FROM ty_23 ORDER BY id

-- case b: type timestamp with time zone holding TIMESTAMP WITH TIME ZONE '2024-03-31 02:30:00+01'
CREATE TABLE ty_24 (id INT PRIMARY KEY, c timestamp with time zone, v INT NOT NULL)
INSERT INTO ty_24 VALUES (1, TIMESTAMP WITH TIME ZONE '2024-03-31 02:30:00+01', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_24 WHERE id = 1
UPDATE ty_24 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_24 WHERE id = 2
--@prepared
UPDATE ty_24 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_24 WHERE id = 3
INSERT INTO ty_24 VALUES (3, TIMESTAMP WITH TIME ZONE '2024-03-31 02:30:00+01', 0)
--@commit
SELECT id, v FROM ty_24 ORDER BY id

-- case b: type interval year to month holding INTERVAL '1-2' YEAR TO MONTH
CREATE TABLE ty_25 (id INT PRIMARY KEY, c interval year to month, v INT NOT NULL)
INSERT INTO ty_25 VALUES (1, INTERVAL '1-2' YEAR TO MONTH, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_25 WHERE id = 1
UPDATE ty_25 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_25 WHERE id = 2
--@prepared
UPDATE ty_25 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_25 WHERE id = 3
INSERT INTO ty_25 VALUES (3, INTERVAL '1-2' YEAR TO MONTH, 0)
--@commit
SELECT id, v FROM ty_25 ORDER BY id

-- case b: type interval day to second holding INTERVAL '1 02:03:04' DAY TO SECOND
CREATE TABLE ty_26 (id INT PRIMARY KEY, c interval day to second, v INT NOT NULL)
INSERT INTO ty_26 VALUES (1, INTERVAL '1 02:03:04' DAY TO SECOND, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_26 WHERE id = 1
UPDATE ty_26 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_26 WHERE id = 2
--@prepared
UPDATE ty_26 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_26 WHERE id = 3
INSERT INTO ty_26 VALUES (3, INTERVAL '1 02:03:04' DAY TO SECOND, 0)
--@commit
SELECT id, v FROM ty_26 ORDER BY id

-- case b: type uuid holding 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'
CREATE TABLE ty_27 (id INT PRIMARY KEY, c uuid, v INT NOT NULL)
INSERT INTO ty_27 VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_27 WHERE id = 1
UPDATE ty_27 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_27 WHERE id = 2
--@prepared
UPDATE ty_27 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_27 WHERE id = 3
INSERT INTO ty_27 VALUES (3, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 0)
--@commit
SELECT id, v FROM ty_27 ORDER BY id

-- case b: type json holding JSON '{"a":1}'
CREATE TABLE ty_28 (id INT PRIMARY KEY, c json, v INT NOT NULL)
INSERT INTO ty_28 VALUES (1, JSON '{"a":1}', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_28 WHERE id = 1
UPDATE ty_28 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_28 WHERE id = 2
--@prepared
UPDATE ty_28 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_28 WHERE id = 3
INSERT INTO ty_28 VALUES (3, JSON '{"a":1}', 0)
--@commit
SELECT id, v FROM ty_28 ORDER BY id

-- case b: type int array holding ARRAY[1, 2]
CREATE TABLE ty_29 (id INT PRIMARY KEY, c int array, v INT NOT NULL)
INSERT INTO ty_29 VALUES (1, ARRAY[1, 2], 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_29 WHERE id = 1
UPDATE ty_29 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_29 WHERE id = 2
--@prepared
UPDATE ty_29 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_29 WHERE id = 3
INSERT INTO ty_29 VALUES (3, ARRAY[1, 2], 0)
--@commit
SELECT id, v FROM ty_29 ORDER BY id

-- case b: type enum('a','b') holding 'b'
CREATE TABLE ty_30 (id INT PRIMARY KEY, c enum('a','b'), v INT NOT NULL)
INSERT INTO ty_30 VALUES (1, 'b', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_30 WHERE id = 1
UPDATE ty_30 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_30 WHERE id = 2
--@prepared
UPDATE ty_30 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_30 WHERE id = 3
INSERT INTO ty_30 VALUES (3, 'b', 0)
--@commit
SELECT id, v FROM ty_30 ORDER BY id

-- case b: type numeric(20,10) holding -0.0000000001
CREATE TABLE ty_31 (id INT PRIMARY KEY, c numeric(20,10), v INT NOT NULL)
INSERT INTO ty_31 VALUES (1, -0.0000000001, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_31 WHERE id = 1
UPDATE ty_31 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_31 WHERE id = 2
--@prepared
UPDATE ty_31 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_31 WHERE id = 3
INSERT INTO ty_31 VALUES (3, -0.0000000001, 0)
--@commit
SELECT id, v FROM ty_31 ORDER BY id

-- case b: type varchar(3000) holding REPEAT('x', 3000)
CREATE TABLE ty_32 (id INT PRIMARY KEY, c varchar(3000), v INT NOT NULL)
INSERT INTO ty_32 VALUES (1, REPEAT('x', 3000), 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_32 WHERE id = 1
UPDATE ty_32 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_32 WHERE id = 2
--@prepared
UPDATE ty_32 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_32 WHERE id = 3
INSERT INTO ty_32 VALUES (3, REPEAT('x', 3000), 0)
--@commit
SELECT id, v FROM ty_32 ORDER BY id

-- case b: type character varying(10) holding 'x'
CREATE TABLE ty_33 (id INT PRIMARY KEY, c character varying(10), v INT NOT NULL)
INSERT INTO ty_33 VALUES (1, 'x', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_33 WHERE id = 1
UPDATE ty_33 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_33 WHERE id = 2
--@prepared
UPDATE ty_33 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_33 WHERE id = 3
INSERT INTO ty_33 VALUES (3, 'x', 0)
--@commit
SELECT id, v FROM ty_33 ORDER BY id

-- case b: type double precision holding 'Infinity'
CREATE TABLE ty_34 (id INT PRIMARY KEY, c double precision, v INT NOT NULL)
INSERT INTO ty_34 VALUES (1, 'Infinity', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_34 WHERE id = 1
UPDATE ty_34 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_34 WHERE id = 2
--@prepared
UPDATE ty_34 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_34 WHERE id = 3
INSERT INTO ty_34 VALUES (3, 'Infinity', 0)
--@commit
SELECT id, v FROM ty_34 ORDER BY id

-- case b: type date holding DATE '0001-01-01'
CREATE TABLE ty_35 (id INT PRIMARY KEY, c date, v INT NOT NULL)
INSERT INTO ty_35 VALUES (1, DATE '0001-01-01', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_35 WHERE id = 1
UPDATE ty_35 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_35 WHERE id = 2
--@prepared
UPDATE ty_35 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_35 WHERE id = 3
INSERT INTO ty_35 VALUES (3, DATE '0001-01-01', 0)
--@commit
SELECT id, v FROM ty_35 ORDER BY id

-- case sequence value between read and write
CREATE SEQUENCE hs
--@commit
SELECT id, v, note FROM more WHERE id = 20
SELECT NEXT VALUE FOR hs
UPDATE more SET v = 1 WHERE id = 20
--@commit
SELECT * FROM more WHERE id = 20

-- case CALL between read and write
SELECT id, v, note FROM more WHERE id = 21
CALL 1 + 1
UPDATE more SET v = 1 WHERE id = 21
--@commit
SELECT * FROM more WHERE id = 21

-- case built-in functions in the read
SELECT id, v, UPPER(note), CHAR_LENGTH(note) FROM more WHERE id = 22
UPDATE more SET v = 1 WHERE id = 22
--@commit
SELECT * FROM more WHERE id = 22

-- case collation: a VARCHAR_IGNORECASE key, found by another case
CREATE TABLE loose_key (k VARCHAR_IGNORECASE(10) PRIMARY KEY, v INT NOT NULL)
INSERT INTO loose_key VALUES ('Key', 0), ('Other', 0)
--@commit
SELECT * FROM loose_key WHERE k = 'key'
UPDATE loose_key SET v = 1 WHERE k = 'key'
SELECT k, v FROM loose_key WHERE k = 'OTHER'
UPDATE loose_key SET k = 'OTHER' WHERE k = 'other'
SELECT k, v FROM loose_key WHERE k = 'Other'
UPDATE loose_key SET v = 3 WHERE k = 'Other'
--@commit
SELECT * FROM loose_key ORDER BY k

-- case collation: an indexed VARCHAR_IGNORECASE column whose case changed, read through its index, written by id
CREATE TABLE loose_idx (id INT PRIMARY KEY, n VARCHAR_IGNORECASE(10) UNIQUE, m VARCHAR_IGNORECASE(10), v INT NOT NULL)
CREATE INDEX loose_idx_m ON loose_idx (m)
INSERT INTO loose_idx VALUES (1, 'Name', 'Mm', 0), (2, 'Two', 'Mm', 0)
--@commit
UPDATE loose_idx SET n = 'NAME', m = 'MM' WHERE id = 1
--@commit
SELECT * FROM loose_idx WHERE n = 'name'
UPDATE loose_idx SET v = 1 WHERE id = 1
SELECT id, n, m, v FROM loose_idx WHERE m = 'mm' ORDER BY id
UPDATE loose_idx SET v = 2 WHERE id = 1
SELECT * FROM loose_idx WHERE id = 1
UPDATE loose_idx SET v = 3 WHERE n = 'NAME'
--@commit
SELECT id, v FROM loose_idx ORDER BY id

-- case sql transaction: BEGIN TRANSACTION and COMMIT WORK, BEGIN WORK and ROLLBACK WORK, a savepoint rolled back in SQL
CREATE TABLE sqltx (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))
INSERT INTO sqltx VALUES (1, 0, 'n'), (2, 0, 'n'), (3, 0, 'n')
--@commit
--@autocommit on
SELECT id, v, note FROM sqltx WHERE id = 1
--@other UPDATE sqltx SET v = 99 WHERE id = 1
BEGIN TRANSACTION
UPDATE sqltx SET note = 'in' WHERE id = 1
COMMIT WORK
SELECT id, v, note FROM sqltx WHERE id = 2
BEGIN WORK
SELECT id, v, note FROM sqltx WHERE id = 2
UPDATE sqltx SET v = 2 WHERE id = 2
ROLLBACK WORK
--@other UPDATE sqltx SET v = 98 WHERE id = 2
UPDATE sqltx SET note = 'after' WHERE id = 2
BEGIN
SELECT id, v FROM sqltx WHERE id = 3
SAVEPOINT s
UPDATE sqltx SET v = 3 WHERE id = 3
ROLLBACK TO SAVEPOINT s
UPDATE sqltx SET v = 4 WHERE id = 3
SELECT id, v FROM sqltx WHERE id = 3
UPDATE sqltx SET note = 'x' WHERE id = 3
COMMIT
--@autocommit off
SELECT * FROM sqltx ORDER BY id
--@commit
