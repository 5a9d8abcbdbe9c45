-- The guard's soundness on SQLite (an in-memory database of the run's own).
-- case setup
PRAGMA foreign_keys = ON
CREATE TABLE acc (id INTEGER PRIMARY KEY, v INTEGER NOT NULL, note TEXT)
WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 30) INSERT INTO acc SELECT x, 0, 'n' FROM g
--@autocommit off

-- case schema-qualified write
SELECT id, v, note FROM acc WHERE id = 1
UPDATE main.acc SET v = 5 WHERE id = 1
UPDATE acc SET note = 'after' WHERE id = 1
--@commit
SELECT * FROM acc WHERE id = 1

-- case returning through executeQuery
SELECT id, v, note FROM acc WHERE id = 3
--@query
UPDATE acc SET v = 7 WHERE id = 3 RETURNING v
UPDATE acc SET note = 'after' WHERE id = 3
--@commit
SELECT * FROM acc WHERE id = 3

-- case with clause before an update
SELECT id, v, note FROM acc WHERE id = 4
WITH w AS (SELECT 4 AS k) UPDATE acc SET v = 9 WHERE id IN (SELECT k FROM w)
UPDATE acc SET note = 'after' WHERE id = 4
--@commit
SELECT * FROM acc WHERE id = 4

-- case trigger on another table writes the row
CREATE TABLE events (id INTEGER PRIMARY KEY, acc_id INTEGER NOT NULL)
CREATE TRIGGER event_bumps AFTER INSERT ON events BEGIN UPDATE acc SET v = v + 100 WHERE id = NEW.acc_id; END
--@commit
SELECT id, v, note FROM acc WHERE id = 5
INSERT INTO events VALUES (1, 5)
UPDATE acc SET note = 'after' WHERE id = 5
--@commit
SELECT * FROM acc WHERE id = 5

-- case on delete cascade
CREATE TABLE parent (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)
CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id) ON DELETE CASCADE ON UPDATE CASCADE, v INTEGER NOT NULL)
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

-- case upsert on another unique key
CREATE TABLE coded (id INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL, v INTEGER NOT NULL)
INSERT INTO coded VALUES (1, 'a', 0)
--@commit
SELECT id, code, v FROM coded WHERE id = 1
INSERT INTO coded VALUES (99, 'a', 5) ON CONFLICT (code) DO UPDATE SET v = excluded.v
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

-- case nocase collation
CREATE TABLE words (id INTEGER PRIMARY KEY, w TEXT COLLATE NOCASE NOT NULL, v INTEGER NOT NULL)
INSERT INTO words VALUES (1, 'Abc', 0)
--@commit
SELECT id, w, v FROM words WHERE id = 1
UPDATE words SET v = 1 WHERE id = 1
--@commit
SELECT * FROM words

-- case partial unique index
CREATE TABLE partial (id INTEGER NOT NULL, live INTEGER NOT NULL, v INTEGER NOT NULL)
CREATE UNIQUE INDEX partial_live ON partial (id) WHERE live = 1
INSERT INTO partial VALUES (1, 1, 0), (1, 0, 0)
--@commit
SELECT id, live, v FROM partial WHERE id = 1
UPDATE partial SET v = 1 WHERE id = 1
--@commit
SELECT * FROM partial ORDER BY live

-- case values of every storage class
CREATE TABLE typed (id INTEGER PRIMARY KEY, i INTEGER, r REAL, t TEXT, b BLOB, n NUMERIC, anyv, v INTEGER NOT NULL)
INSERT INTO typed VALUES (1, 9223372036854775807, 0.1, 'x', X'00ff', 1.10, 'text in an untyped column', 0), (2, NULL, NULL, NULL, NULL, NULL, NULL, 0), (3, 1, 1e308, '', X'', 3, X'80', 0)
--@commit
SELECT * FROM typed WHERE id = 1
UPDATE typed SET v = 1 WHERE id = 1
SELECT * FROM typed WHERE id = 2
UPDATE typed SET v = 1 WHERE id = 2
SELECT * FROM typed WHERE id = 3
UPDATE typed SET v = 1 WHERE id = 3
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

-- Issue #13 classes 1, 2 and 8: writes the guard must see (or must take as ending the reads they may have
-- changed), zero-row results that are no race, and transaction boundaries; with the ordinary shapes beside them.
-- case more rows
CREATE TABLE more (id INTEGER PRIMARY KEY, v INTEGER NOT NULL, note TEXT)
WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 60) INSERT INTO more SELECT x, 0, 'n' FROM g
--@commit

-- case qualified read and write of the same row
SELECT id, v, note FROM main.more WHERE id = 1
UPDATE main.more SET v = 1 WHERE id = 1
--@commit
SELECT * FROM more WHERE id = 1

-- case qualified read, unqualified write
SELECT id, v, note FROM main.more WHERE id = 2
UPDATE more SET v = 5 WHERE id = 2
UPDATE main.more SET note = 'after' WHERE id = 2
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

-- case with clause before a delete
SELECT id, v, note FROM more WHERE id = 4
WITH w AS (SELECT 4 AS k) DELETE FROM more WHERE id IN (SELECT k FROM w)
UPDATE more SET v = 1 WHERE id = 4
--@commit
SELECT count(*) FROM more WHERE id = 4

-- case with clause before an insert of the key read absent
SELECT id, v FROM more WHERE id = 201
WITH w AS (SELECT 201 AS k) INSERT INTO more (id, v) SELECT k, 5 FROM w
INSERT INTO more (id, v) VALUES (201, 6)
--@rollback
SELECT * FROM more WHERE id = 201

-- case read-only with clause before a write
SELECT id, v, note FROM more WHERE id = 5
WITH w AS (SELECT id FROM more WHERE id = 5) SELECT count(*) FROM w
UPDATE more SET v = 1 WHERE id = 5
--@commit
SELECT * FROM more WHERE id = 5

-- case built-in functions in the read and between
SELECT id, v, lower(note), length(note) FROM more WHERE id = 6
SELECT typeof(1), coalesce(NULL, 1), abs(-2)
UPDATE more SET v = 1 WHERE id = 6
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

-- case trigger on another table, insert with its columns
SELECT id, v, note FROM acc WHERE id = 20
INSERT INTO events (id, acc_id) VALUES (2, 20)
UPDATE acc SET note = 'after' WHERE id = 20
--@commit
SELECT * FROM acc WHERE id = 20

-- case trigger on another table, keyed update of it
CREATE TRIGGER event_moves AFTER UPDATE ON events BEGIN UPDATE acc SET v = v + 1000 WHERE id = NEW.acc_id; END
--@commit
SELECT id, v, note FROM acc WHERE id = 21
UPDATE events SET acc_id = 21 WHERE id = 2
UPDATE acc SET note = 'after' WHERE id = 21
--@commit
SELECT * FROM acc WHERE id = 21

-- case write through a view
CREATE VIEW more_v AS SELECT * FROM more
CREATE TRIGGER more_v_update INSTEAD OF UPDATE ON more_v BEGIN UPDATE more SET v = NEW.v WHERE id = OLD.id; END
--@commit
SELECT id, v, note FROM more WHERE id = 8
UPDATE more_v SET v = 5 WHERE id = 8
UPDATE more SET note = 'after' WHERE id = 8
--@commit
SELECT * FROM more WHERE id = 8

-- case upsert that does nothing on the key read
SELECT id, v, note FROM more WHERE id = 9
INSERT INTO more (id, v) VALUES (9, 9) ON CONFLICT (id) DO NOTHING
UPDATE more SET v = 1 WHERE id = 9
--@commit
SELECT * FROM more WHERE id = 9

-- case insert or replace of the row read
SELECT id, v, note FROM more WHERE id = 10
INSERT OR REPLACE INTO more (id, v, note) VALUES (10, 9, 'r')
UPDATE more SET v = 1 WHERE id = 10
--@commit
SELECT * FROM more WHERE id = 10

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

-- case read in autocommit, write in autocommit
--@autocommit on
SELECT id, v, note FROM more WHERE id = 11
UPDATE more SET v = 1 WHERE id = 11
--@autocommit off
SELECT * FROM more WHERE id = 11

-- case read, rollback, write in the next transaction
SELECT id, v, note FROM more WHERE id = 12
--@rollback
UPDATE more SET note = 'after' WHERE id = 12
--@commit
SELECT * FROM more WHERE id = 12

-- case guarded delete of the row read
SELECT id, v, note FROM more WHERE id = 13
DELETE FROM more WHERE id = 13
--@commit
SELECT count(*) FROM more WHERE id = 13

-- case guarded write of several columns read
SELECT id, v, note FROM more WHERE id = 14
UPDATE more SET v = 2, note = 'two' WHERE id = 14
--@commit
SELECT * FROM more WHERE id = 14

-- case prepared read and write of the same row
--@prepared
SELECT id, v, note FROM more WHERE id = 15
--@prepared
UPDATE more SET v = 1 WHERE id = 15
--@commit
SELECT * FROM more WHERE id = 15

-- case two rows read, both written
SELECT id, v FROM more WHERE id = 16
SELECT id, v FROM more WHERE id = 17
UPDATE more SET v = 1 WHERE id = 16
UPDATE more SET v = 1 WHERE id = 17
--@commit
SELECT * FROM more WHERE id IN (16, 17) ORDER BY id

-- case a row written twice after one read
SELECT id, v, note FROM more WHERE id = 18
UPDATE more SET v = 1 WHERE id = 18
UPDATE more SET v = 2 WHERE id = 18
--@commit
SELECT * FROM more WHERE id = 18

-- case an absent row read, then updated
SELECT id, v FROM more WHERE id = 300
UPDATE more SET v = 1 WHERE id = 300
--@commit
SELECT count(*) FROM more WHERE id = 300

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

-- case before update trigger ignores the row
CREATE TABLE frozen (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)
CREATE TRIGGER frozen_update BEFORE UPDATE ON frozen BEGIN SELECT RAISE(IGNORE); END
CREATE TRIGGER frozen_delete BEFORE DELETE ON frozen BEGIN SELECT RAISE(IGNORE); END
CREATE TRIGGER frozen_insert BEFORE INSERT ON frozen WHEN NEW.id > 100 BEGIN SELECT RAISE(IGNORE); END
INSERT INTO frozen VALUES (1, 0), (2, 0), (3, 0)
--@commit
SELECT id, v FROM frozen WHERE id = 1
UPDATE frozen SET v = 1 WHERE id = 1
--@commit
SELECT * FROM frozen ORDER BY id

-- case before delete trigger ignores the row
SELECT id, v FROM frozen WHERE id = 2
DELETE FROM frozen WHERE id = 2
--@commit
SELECT * FROM frozen ORDER BY id

-- case before update trigger ignores a row read by its key only
SELECT id FROM frozen WHERE id = 3
UPDATE frozen SET v = 1 WHERE id = 3
--@commit
SELECT * FROM frozen ORDER BY id

-- case before insert trigger ignores the row read absent
SELECT id, v FROM frozen WHERE id = 101
INSERT INTO frozen (id, v) VALUES (101, 1)
--@commit
SELECT * FROM frozen ORDER BY id

-- ===== issue #13 classes 3-7 (values, guarded SQL, keys of the right table, binds, results) =====
-- case b: setup
CREATE TABLE sb (id INTEGER PRIMARY KEY, v INTEGER NOT NULL, note TEXT)
WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 60) INSERT INTO sb SELECT x, 0, 'n' FROM g
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
SELECT id, v, 42 AS answer, length(note) AS len FROM sb WHERE id = 3
UPDATE sb SET v = 3 WHERE id = 3
--@commit
SELECT * FROM sb WHERE id = 3

-- case b: quoted mixed-case table and columns
CREATE TABLE "Mixed" ("Id" INTEGER PRIMARY KEY, "Val" INTEGER NOT NULL, "Note" TEXT)
INSERT INTO "Mixed" VALUES (1, 0, 'a')
--@commit
SELECT "Id", "Val", "Note" FROM "Mixed" WHERE "Id" = 1
UPDATE "Mixed" SET "Val" = 1 WHERE "Id" = 1
--@commit
SELECT * FROM mixed WHERE id = 2
INSERT INTO mixed (id, val) VALUES (2, 2)
--@commit
SELECT * FROM "Mixed" ORDER BY "Id"

-- case b: keyword-named columns
CREATE TABLE kw ("order" INTEGER PRIMARY KEY, "user" TEXT, "select" INTEGER NOT NULL)
INSERT INTO kw VALUES (1, 'u', 0)
--@commit
SELECT "order", "user", "select" FROM kw WHERE "order" = 1
UPDATE kw SET "select" = 1 WHERE "order" = 1
--@commit
SELECT * FROM kw

-- case b: partial unique index, insert
CREATE TABLE partial2 (id INTEGER NOT NULL, live INTEGER NOT NULL, v INTEGER NOT NULL)
CREATE UNIQUE INDEX partial2_live ON partial2 (id) WHERE live = 1
INSERT INTO partial2 VALUES (1, 0, 0)
--@commit
SELECT id, live, v FROM partial2 WHERE id = 1
INSERT INTO partial2 VALUES (1, 1, 1)
--@commit
SELECT * FROM partial2 ORDER BY live

-- case b: expression unique index
CREATE TABLE lowered (code TEXT NOT NULL, v INTEGER NOT NULL)
CREATE UNIQUE INDEX lowered_code ON lowered (lower(code))
INSERT INTO lowered VALUES ('A', 0)
--@commit
SELECT code, v FROM lowered WHERE code = 'A'
UPDATE lowered SET v = 1 WHERE code = 'A'
--@commit
SELECT * FROM lowered

-- case b: table in an attached database of the same name
ATTACH DATABASE ':memory:' AS aux
CREATE TABLE aux.twin (code INTEGER PRIMARY KEY, id INTEGER, v INTEGER)
INSERT INTO aux.twin VALUES (1, 1, 0), (2, 1, 0)
CREATE TABLE twin (id INTEGER PRIMARY KEY, code INTEGER, v INTEGER NOT NULL)
INSERT INTO twin VALUES (1, 1, 0)
--@commit
SELECT id, code, v FROM twin WHERE id = 1
UPDATE twin SET v = 1 WHERE id = 1
SELECT code, id, v FROM aux.twin WHERE code = 1
UPDATE aux.twin SET v = 1 WHERE code = 1
--@commit
SELECT * FROM twin
SELECT * FROM aux.twin ORDER BY code
--@commit
DETACH DATABASE aux

-- ===== issue #13: column types round-tripped through a guarded write (read, then write by key; prepared too) =====

-- case b: type integer holding 9223372036854775807
CREATE TABLE ty_1 (id INTEGER PRIMARY KEY, c integer, v INT NOT NULL)
INSERT INTO ty_1 VALUES (1, 9223372036854775807, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_1 WHERE id = 1
UPDATE ty_1 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_1 WHERE id = 2
--@prepared
UPDATE ty_1 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_1 WHERE id = 3
INSERT INTO ty_1 VALUES (3, 9223372036854775807, 0)
--@commit
SELECT id, v FROM ty_1 ORDER BY id

-- case b: type integer holding -1
CREATE TABLE ty_2 (id INTEGER PRIMARY KEY, c integer, v INT NOT NULL)
INSERT INTO ty_2 VALUES (1, -1, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_2 WHERE id = 1
UPDATE ty_2 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_2 WHERE id = 2
--@prepared
UPDATE ty_2 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_2 WHERE id = 3
INSERT INTO ty_2 VALUES (3, -1, 0)
--@commit
SELECT id, v FROM ty_2 ORDER BY id

-- case b: type real holding 0.1
CREATE TABLE ty_3 (id INTEGER PRIMARY KEY, c real, v INT NOT NULL)
INSERT INTO ty_3 VALUES (1, 0.1, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_3 WHERE id = 1
UPDATE ty_3 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_3 WHERE id = 2
--@prepared
UPDATE ty_3 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_3 WHERE id = 3
INSERT INTO ty_3 VALUES (3, 0.1, 0)
--@commit
SELECT id, v FROM ty_3 ORDER BY id

-- case b: type real holding 1e308
CREATE TABLE ty_4 (id INTEGER PRIMARY KEY, c real, v INT NOT NULL)
INSERT INTO ty_4 VALUES (1, 1e308, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_4 WHERE id = 1
UPDATE ty_4 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_4 WHERE id = 2
--@prepared
UPDATE ty_4 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_4 WHERE id = 3
INSERT INTO ty_4 VALUES (3, 1e308, 0)
--@commit
SELECT id, v FROM ty_4 ORDER BY id

-- case b: type text holding ''
CREATE TABLE ty_5 (id INTEGER PRIMARY KEY, c text, v INT NOT NULL)
INSERT INTO ty_5 VALUES (1, '', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_5 WHERE id = 1
UPDATE ty_5 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_5 WHERE id = 2
--@prepared
UPDATE ty_5 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_5 WHERE id = 3
INSERT INTO ty_5 VALUES (3, '', 0)
--@commit
SELECT id, v FROM ty_5 ORDER BY id

-- case b: type text holding 'a '
CREATE TABLE ty_6 (id INTEGER PRIMARY KEY, c text, v INT NOT NULL)
INSERT INTO ty_6 VALUES (1, 'a ', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_6 WHERE id = 1
UPDATE ty_6 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_6 WHERE id = 2
--@prepared
UPDATE ty_6 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_6 WHERE id = 3
INSERT INTO ty_6 VALUES (3, 'a ', 0)
--@commit
SELECT id, v FROM ty_6 ORDER BY id

-- case b: type text holding 'héllo 😀'
CREATE TABLE ty_7 (id INTEGER PRIMARY KEY, c text, v INT NOT NULL)
INSERT INTO ty_7 VALUES (1, 'héllo 😀', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_7 WHERE id = 1
UPDATE ty_7 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_7 WHERE id = 2
--@prepared
UPDATE ty_7 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_7 WHERE id = 3
INSERT INTO ty_7 VALUES (3, 'héllo 😀', 0)
--@commit
SELECT id, v FROM ty_7 ORDER BY id

-- case b: type blob holding X'00ff'
CREATE TABLE ty_8 (id INTEGER PRIMARY KEY, c blob, v INT NOT NULL)
INSERT INTO ty_8 VALUES (1, X'00ff', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_8 WHERE id = 1
UPDATE ty_8 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_8 WHERE id = 2
--@prepared
UPDATE ty_8 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_8 WHERE id = 3
INSERT INTO ty_8 VALUES (3, X'00ff', 0)
--@commit
SELECT id, v FROM ty_8 ORDER BY id

-- case b: type blob holding X''
CREATE TABLE ty_9 (id INTEGER PRIMARY KEY, c blob, v INT NOT NULL)
INSERT INTO ty_9 VALUES (1, X'', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_9 WHERE id = 1
UPDATE ty_9 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_9 WHERE id = 2
--@prepared
UPDATE ty_9 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_9 WHERE id = 3
INSERT INTO ty_9 VALUES (3, X'', 0)
--@commit
SELECT id, v FROM ty_9 ORDER BY id

-- case b: type numeric holding 1.10
CREATE TABLE ty_10 (id INTEGER PRIMARY KEY, c numeric, v INT NOT NULL)
INSERT INTO ty_10 VALUES (1, 1.10, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_10 WHERE id = 1
UPDATE ty_10 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_10 WHERE id = 2
--@prepared
UPDATE ty_10 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_10 WHERE id = 3
INSERT INTO ty_10 VALUES (3, 1.10, 0)
--@commit
SELECT id, v FROM ty_10 ORDER BY id

-- case b: type numeric holding 'abc'
CREATE TABLE ty_11 (id INTEGER PRIMARY KEY, c numeric, v INT NOT NULL)
INSERT INTO ty_11 VALUES (1, 'abc', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_11 WHERE id = 1
UPDATE ty_11 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_11 WHERE id = 2
--@prepared
UPDATE ty_11 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_11 WHERE id = 3
INSERT INTO ty_11 VALUES (3, 'abc', 0)
--@commit
SELECT id, v FROM ty_11 ORDER BY id

-- case b: type boolean holding 1
CREATE TABLE ty_12 (id INTEGER PRIMARY KEY, c boolean, v INT NOT NULL)
INSERT INTO ty_12 VALUES (1, 1, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_12 WHERE id = 1
UPDATE ty_12 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_12 WHERE id = 2
--@prepared
UPDATE ty_12 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_12 WHERE id = 3
INSERT INTO ty_12 VALUES (3, 1, 0)
--@commit
SELECT id, v FROM ty_12 ORDER BY id

-- case b: type datetime holding '2024-03-31 02:30:00'
CREATE TABLE ty_13 (id INTEGER PRIMARY KEY, c datetime, v INT NOT NULL)
INSERT INTO ty_13 VALUES (1, '2024-03-31 02:30:00', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_13 WHERE id = 1
UPDATE ty_13 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_13 WHERE id = 2
--@prepared
UPDATE ty_13 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_13 WHERE id = 3
INSERT INTO ty_13 VALUES (3, '2024-03-31 02:30:00', 0)
--@commit
SELECT id, v FROM ty_13 ORDER BY id

-- case b: type date holding '2024-02-29'
CREATE TABLE ty_14 (id INTEGER PRIMARY KEY, c date, v INT NOT NULL)
INSERT INTO ty_14 VALUES (1, '2024-02-29', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_14 WHERE id = 1
UPDATE ty_14 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_14 WHERE id = 2
--@prepared
UPDATE ty_14 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_14 WHERE id = 3
INSERT INTO ty_14 VALUES (3, '2024-02-29', 0)
--@commit
SELECT id, v FROM ty_14 ORDER BY id

-- case b: type varchar(10) holding 'x'
CREATE TABLE ty_15 (id INTEGER PRIMARY KEY, c varchar(10), v INT NOT NULL)
INSERT INTO ty_15 VALUES (1, 'x', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_15 WHERE id = 1
UPDATE ty_15 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_15 WHERE id = 2
--@prepared
UPDATE ty_15 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_15 WHERE id = 3
INSERT INTO ty_15 VALUES (3, 'x', 0)
--@commit
SELECT id, v FROM ty_15 ORDER BY id

-- case b: type decimal(10,2) holding 1.5
CREATE TABLE ty_16 (id INTEGER PRIMARY KEY, c decimal(10,2), v INT NOT NULL)
INSERT INTO ty_16 VALUES (1, 1.5, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_16 WHERE id = 1
UPDATE ty_16 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_16 WHERE id = 2
--@prepared
UPDATE ty_16 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_16 WHERE id = 3
INSERT INTO ty_16 VALUES (3, 1.5, 0)
--@commit
SELECT id, v FROM ty_16 ORDER BY id

-- case b: type (none) holding 'untyped text'
CREATE TABLE ty_17 (id INTEGER PRIMARY KEY, c , v INT NOT NULL)
INSERT INTO ty_17 VALUES (1, 'untyped text', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_17 WHERE id = 1
UPDATE ty_17 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_17 WHERE id = 2
--@prepared
UPDATE ty_17 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_17 WHERE id = 3
INSERT INTO ty_17 VALUES (3, 'untyped text', 0)
--@commit
SELECT id, v FROM ty_17 ORDER BY id

-- case b: type (none) holding X'80'
CREATE TABLE ty_18 (id INTEGER PRIMARY KEY, c , v INT NOT NULL)
INSERT INTO ty_18 VALUES (1, X'80', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_18 WHERE id = 1
UPDATE ty_18 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_18 WHERE id = 2
--@prepared
UPDATE ty_18 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_18 WHERE id = 3
INSERT INTO ty_18 VALUES (3, X'80', 0)
--@commit
SELECT id, v FROM ty_18 ORDER BY id

-- case b: type (none) holding 3.5
CREATE TABLE ty_19 (id INTEGER PRIMARY KEY, c , v INT NOT NULL)
INSERT INTO ty_19 VALUES (1, 3.5, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_19 WHERE id = 1
UPDATE ty_19 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_19 WHERE id = 2
--@prepared
UPDATE ty_19 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_19 WHERE id = 3
INSERT INTO ty_19 VALUES (3, 3.5, 0)
--@commit
SELECT id, v FROM ty_19 ORDER BY id

-- case b: type text collate nocase holding 'Abc'
CREATE TABLE ty_20 (id INTEGER PRIMARY KEY, c text collate nocase, v INT NOT NULL)
INSERT INTO ty_20 VALUES (1, 'Abc', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_20 WHERE id = 1
UPDATE ty_20 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_20 WHERE id = 2
--@prepared
UPDATE ty_20 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_20 WHERE id = 3
INSERT INTO ty_20 VALUES (3, 'Abc', 0)
--@commit
SELECT id, v FROM ty_20 ORDER BY id

-- case b: type text collate rtrim holding 'Abc '
CREATE TABLE ty_21 (id INTEGER PRIMARY KEY, c text collate rtrim, v INT NOT NULL)
INSERT INTO ty_21 VALUES (1, 'Abc ', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_21 WHERE id = 1
UPDATE ty_21 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_21 WHERE id = 2
--@prepared
UPDATE ty_21 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_21 WHERE id = 3
INSERT INTO ty_21 VALUES (3, 'Abc ', 0)
--@commit
SELECT id, v FROM ty_21 ORDER BY id

-- case b: type integer holding '12'
CREATE TABLE ty_22 (id INTEGER PRIMARY KEY, c integer, v INT NOT NULL)
INSERT INTO ty_22 VALUES (1, '12', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_22 WHERE id = 1
UPDATE ty_22 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_22 WHERE id = 2
--@prepared
UPDATE ty_22 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_22 WHERE id = 3
INSERT INTO ty_22 VALUES (3, '12', 0)
--@commit
SELECT id, v FROM ty_22 ORDER BY id

-- case b: type real holding 'not a number'
CREATE TABLE ty_23 (id INTEGER PRIMARY KEY, c real, v INT NOT NULL)
INSERT INTO ty_23 VALUES (1, 'not a number', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_23 WHERE id = 1
UPDATE ty_23 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_23 WHERE id = 2
--@prepared
UPDATE ty_23 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_23 WHERE id = 3
INSERT INTO ty_23 VALUES (3, 'not a number', 0)
--@commit
SELECT id, v FROM ty_23 ORDER BY id

-- case b: type text holding 12
CREATE TABLE ty_24 (id INTEGER PRIMARY KEY, c text, v INT NOT NULL)
INSERT INTO ty_24 VALUES (1, 12, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_24 WHERE id = 1
UPDATE ty_24 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_24 WHERE id = 2
--@prepared
UPDATE ty_24 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_24 WHERE id = 3
INSERT INTO ty_24 VALUES (3, 12, 0)
--@commit
SELECT id, v FROM ty_24 ORDER BY id

-- case b: type bigint holding 42
CREATE TABLE ty_25 (id INTEGER PRIMARY KEY, c bigint, v INT NOT NULL)
INSERT INTO ty_25 VALUES (1, 42, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_25 WHERE id = 1
UPDATE ty_25 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_25 WHERE id = 2
--@prepared
UPDATE ty_25 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_25 WHERE id = 3
INSERT INTO ty_25 VALUES (3, 42, 0)
--@commit
SELECT id, v FROM ty_25 ORDER BY id

-- case b: type double holding -0.0
CREATE TABLE ty_26 (id INTEGER PRIMARY KEY, c double, v INT NOT NULL)
INSERT INTO ty_26 VALUES (1, -0.0, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_26 WHERE id = 1
UPDATE ty_26 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_26 WHERE id = 2
--@prepared
UPDATE ty_26 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_26 WHERE id = 3
INSERT INTO ty_26 VALUES (3, -0.0, 0)
--@commit
SELECT id, v FROM ty_26 ORDER BY id

-- case b: type timestamp holding 1700000000
CREATE TABLE ty_27 (id INTEGER PRIMARY KEY, c timestamp, v INT NOT NULL)
INSERT INTO ty_27 VALUES (1, 1700000000, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_27 WHERE id = 1
UPDATE ty_27 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_27 WHERE id = 2
--@prepared
UPDATE ty_27 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_27 WHERE id = 3
INSERT INTO ty_27 VALUES (3, 1700000000, 0)
--@commit
SELECT id, v FROM ty_27 ORDER BY id

-- case b: type clob holding 'c'
CREATE TABLE ty_28 (id INTEGER PRIMARY KEY, c clob, v INT NOT NULL)
INSERT INTO ty_28 VALUES (1, 'c', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_28 WHERE id = 1
UPDATE ty_28 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_28 WHERE id = 2
--@prepared
UPDATE ty_28 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_28 WHERE id = 3
INSERT INTO ty_28 VALUES (3, 'c', 0)
--@commit
SELECT id, v FROM ty_28 ORDER BY id

-- case b: type nvarchar(5) holding 'n'
CREATE TABLE ty_29 (id INTEGER PRIMARY KEY, c nvarchar(5), v INT NOT NULL)
INSERT INTO ty_29 VALUES (1, 'n', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_29 WHERE id = 1
UPDATE ty_29 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_29 WHERE id = 2
--@prepared
UPDATE ty_29 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_29 WHERE id = 3
INSERT INTO ty_29 VALUES (3, 'n', 0)
--@commit
SELECT id, v FROM ty_29 ORDER BY id

-- case b: type int8 holding 8
CREATE TABLE ty_30 (id INTEGER PRIMARY KEY, c int8, v INT NOT NULL)
INSERT INTO ty_30 VALUES (1, 8, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_30 WHERE id = 1
UPDATE ty_30 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_30 WHERE id = 2
--@prepared
UPDATE ty_30 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_30 WHERE id = 3
INSERT INTO ty_30 VALUES (3, 8, 0)
--@commit
SELECT id, v FROM ty_30 ORDER BY id

-- case sql transaction: BEGIN IMMEDIATE and END, BEGIN EXCLUSIVE and ROLLBACK, BEGIN DEFERRED, a savepoint that begins one
CREATE TABLE sqltx (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))
INSERT INTO sqltx VALUES (1, 0, 'n'), (2, 0, 'n'), (3, 0, 'n'), (4, 0, 'n')
--@commit
--@autocommit on
SELECT id, v, note FROM sqltx WHERE id = 1
BEGIN IMMEDIATE TRANSACTION
UPDATE sqltx SET note = 'in' WHERE id = 1
SELECT id, v, note FROM sqltx WHERE id = 1
UPDATE sqltx SET v = 1 WHERE id = 1
END TRANSACTION
SELECT id, v, note FROM sqltx WHERE id = 2
BEGIN EXCLUSIVE
SELECT id, v, note FROM sqltx WHERE id = 2
UPDATE sqltx SET v = 2 WHERE id = 2
ROLLBACK TRANSACTION
UPDATE sqltx SET note = 'after' WHERE id = 2
BEGIN DEFERRED
SELECT id, v FROM sqltx WHERE id = 3
SAVEPOINT s
UPDATE sqltx SET v = 3 WHERE id = 3
ROLLBACK TO s
UPDATE sqltx SET v = 4 WHERE id = 3
COMMIT
SAVEPOINT outer_one
SELECT id, v, note FROM sqltx WHERE id = 4
UPDATE sqltx SET v = 4 WHERE id = 4
RELEASE outer_one
UPDATE sqltx SET note = 'after' WHERE id = 4
--@autocommit off
SELECT * FROM sqltx ORDER BY id
--@commit
