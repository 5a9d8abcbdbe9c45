-- The guard's soundness on MariaDB (the run's own database, made current with USE ${schema}).
-- case setup
CREATE TABLE acc (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))
INSERT INTO acc (id, v, note) VALUES (1, 0, 'n'), (2, 0, 'n'), (3, 0, 'n'), (4, 0, 'n'), (5, 0, 'n'), (6, 0, 'n'), (7, 0, 'n'), (8, 0, 'n'), (9, 0, 'n'), (10, 0, 'n'), (11, 0, 'n'), (12, 0, 'n'), (13, 0, 'n'), (14, 0, 'n'), (15, 0, 'n'), (16, 0, 'n'), (17, 0, 'n'), (18, 0, 'n'), (19, 0, 'n'), (20, 0, 'n')
--@autocommit off

-- case database-qualified write
SELECT id, v, note FROM acc WHERE id = 1
UPDATE ${schema}.acc SET v = 5 WHERE id = 1
UPDATE acc SET note = 'after' WHERE id = 1
--@commit
SELECT * FROM acc WHERE id = 1

-- case database-qualified read
SELECT id, v, note FROM ${schema}.acc WHERE id = 2
UPDATE acc SET v = 5 WHERE id = 2
UPDATE ${schema}.acc SET note = 'after' WHERE id = 2
--@commit
SELECT * FROM acc WHERE id = 2

-- case procedure that writes
CREATE PROCEDURE bump_p(i INT) UPDATE acc SET v = v + 1 WHERE id = i
SELECT id, v, note FROM acc WHERE id = 3
CALL bump_p(3)
UPDATE acc SET note = 'after' WHERE id = 3
--@commit
SELECT * FROM acc WHERE id = 3

-- case function that writes
CREATE FUNCTION bump(i INT) RETURNS INT MODIFIES SQL DATA BEGIN UPDATE acc SET v = v + 1 WHERE id = i; RETURN i; END
SELECT id, v, note FROM acc WHERE id = 4
SELECT bump(4)
UPDATE acc SET note = 'after' WHERE id = 4
--@commit
SELECT * FROM acc WHERE id = 4

-- case trigger on another table writes the row
CREATE TABLE events (id INT PRIMARY KEY, acc_id INT NOT NULL)
CREATE TRIGGER event_bumps AFTER INSERT ON events FOR EACH ROW UPDATE acc SET v = v + 100 WHERE id = NEW.acc_id
SELECT id, v, note FROM acc WHERE id = 5
INSERT INTO events VALUES (1, 5)
UPDATE acc SET note = 'after' WHERE id = 5
--@commit
SELECT * FROM acc WHERE id = 5

-- case on delete cascade
CREATE TABLE parent (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB
CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, v INT NOT NULL, FOREIGN KEY (parent_id) REFERENCES parent(id) ON DELETE CASCADE ON UPDATE CASCADE) ENGINE=InnoDB
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
CREATE TABLE coded (id INT PRIMARY KEY, code VARCHAR(10) UNIQUE NOT NULL, v INT NOT NULL)
INSERT INTO coded VALUES (1, 'a', 0)
--@commit
SELECT id, code, v FROM coded WHERE id = 1
INSERT INTO coded VALUES (99, 'a', 5) ON DUPLICATE KEY UPDATE v = VALUES(v)
UPDATE coded SET v = 6 WHERE id = 1
--@commit
SELECT * FROM coded

-- case replace on another unique key
SELECT id, code, v FROM coded WHERE id = 1
REPLACE INTO coded VALUES (1, 'b', 7)
UPDATE coded SET v = 8 WHERE id = 1
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

-- case float column over the text protocol
CREATE TABLE floats (id INT PRIMARY KEY, f FLOAT NOT NULL, d DOUBLE NOT NULL, v INT NOT NULL)
INSERT INTO floats VALUES (1, 0.1, 0.1, 0), (2, 3.14159, 1e-300, 0)
--@commit
SELECT id, f, d, v FROM floats WHERE id = 1
UPDATE floats SET v = 1 WHERE id = 1
--@commit
SELECT id, f, d, v FROM floats WHERE id = 2
UPDATE floats SET v = 1 WHERE id = 2
--@commit
SELECT id, v FROM floats ORDER BY id

-- case times beyond a day, negative and fractional
CREATE TABLE times (id INT PRIMARY KEY, t TIME(6), v INT NOT NULL)
INSERT INTO times VALUES (1, '12:00:00.123456', 0), (2, '100:00:00', 0), (3, '-01:30:00', 0)
--@commit
SELECT id, t, v FROM times WHERE id = 1
UPDATE times SET v = 1 WHERE id = 1
SELECT id, t, v FROM times WHERE id = 2
UPDATE times SET v = 1 WHERE id = 2
SELECT id, t, v FROM times WHERE id = 3
UPDATE times SET v = 1 WHERE id = 3
--@commit
SELECT id, v FROM times ORDER BY id

-- case tinyint(1) holding 2
CREATE TABLE flags (id INT PRIMARY KEY, f TINYINT(1), v INT NOT NULL)
INSERT INTO flags VALUES (1, 2, 0), (2, 1, 0)
--@commit
SELECT id, f, v FROM flags WHERE id = 1
UPDATE flags SET v = 1 WHERE id = 1
SELECT id, f, v FROM flags WHERE id = 2
UPDATE flags SET v = 1 WHERE id = 2
--@commit
SELECT id, v FROM flags ORDER BY id

-- case zero date
SET SESSION sql_mode = ''
CREATE TABLE zero_dates (id INT PRIMARY KEY, d DATE, dt DATETIME, v INT NOT NULL)
INSERT INTO zero_dates VALUES (1, '0000-00-00', '0000-00-00 00:00:00', 0)
--@commit
SELECT id, d, dt, v FROM zero_dates WHERE id = 1
UPDATE zero_dates SET v = 1 WHERE id = 1
--@commit
SELECT id, v FROM zero_dates
SET SESSION sql_mode = DEFAULT

-- case year values read, then written (compared as numbers: the driver's Date cannot hold year 0)
SET SESSION sql_mode = ''
CREATE TABLE years (id INT PRIMARY KEY, y YEAR, v INT NOT NULL)
INSERT INTO years VALUES (1, 0, 0), (2, 70, 0), (3, 2155, 0), (4, NULL, 0), (5, 1901, 0)
--@commit
SELECT id, y, v FROM years WHERE id = 1
UPDATE years SET v = 1 WHERE id = 1
SELECT id, y, v FROM years WHERE id = 2
UPDATE years SET v = 1 WHERE id = 2
SELECT id, y, v FROM years WHERE id = 3
UPDATE years SET v = 1 WHERE id = 3
SELECT id, y, v FROM years WHERE id = 4
UPDATE years SET v = 1 WHERE id = 4
SELECT id, v FROM years WHERE id = 5
UPDATE years SET v = 1 WHERE id = 5
--@commit
SELECT id, v FROM years ORDER BY id
SET SESSION sql_mode = DEFAULT

-- case dates with a zero month or day, read, then written (DATE and DATETIME are not compared)
SET SESSION sql_mode = ''
CREATE TABLE part_zero (id INT PRIMARY KEY, d DATE, dt DATETIME, v INT NOT NULL)
INSERT INTO part_zero VALUES (1, '2026-00-15', '2026-03-29 02:30:00', 0), (2, '2026-03-00', '2026-10-25 02:30:00', 0)
--@commit
SELECT id, d, v FROM part_zero WHERE id = 1
UPDATE part_zero SET v = 1 WHERE id = 1
SELECT id, d, dt, v FROM part_zero WHERE id = 2
UPDATE part_zero SET v = 1 WHERE id = 2
--@commit
SELECT id, v FROM part_zero ORDER BY id
SET SESSION sql_mode = DEFAULT

-- case many types read with getObject
CREATE TABLE typed (id INT PRIMARY KEY, n DECIMAL(10,2), b BIT(1), bi BIGINT UNSIGNED, dt DATE, dtt DATETIME(6), ts TIMESTAMP(3) NULL, y YEAR, e ENUM('a','b'), s SET('x','y'), bl BLOB, vb VARBINARY(8), j JSON, ch CHAR(5), txt TEXT, v INT NOT NULL)
INSERT INTO typed VALUES (1, 1.10, b'1', 18446744073709551615, '2024-02-29', '2024-03-31 02:30:00.123456', '2024-03-31 02:30:00.123', 2024, 'b', 'x,y', x'00ff', x'01', '{"a": 1}', 'ab', 'x', 0)
INSERT INTO typed (id, v) VALUES (2, 0)
--@commit
SELECT * FROM typed WHERE id = 1
UPDATE typed SET v = 1 WHERE id = 1
--@commit
SELECT * FROM typed WHERE id = 2
UPDATE typed SET v = 1 WHERE id = 2
--@commit
SELECT id, v FROM typed ORDER BY id

-- case trailing spaces and case under the default collation
CREATE TABLE words (id INT PRIMARY KEY, w VARCHAR(20) NOT NULL, v INT NOT NULL)
INSERT INTO words VALUES (1, 'Abc ', 0)
--@commit
SELECT id, w, v FROM words WHERE id = 1
UPDATE words SET v = 1 WHERE id = 1
--@commit
SELECT id, v FROM words

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

-- case same values written again
SELECT id, v, note FROM acc WHERE id = 19
UPDATE acc SET v = 0 WHERE id = 19
--@commit
SELECT * FROM acc WHERE id = 19

-- Issue #13 classes 1, 2 and 8: writes the guard must see (or must take as ending the reads they may have
-- changed), zero-row results that are no race, and transaction boundaries; with the ordinary shapes beside them.
-- case more rows
CREATE TABLE more (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20)) ENGINE=InnoDB
INSERT INTO more SELECT seq, 0, 'n' FROM seq_1_to_60
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

-- case function that writes, in a SET statement
SELECT id, v, note FROM acc WHERE id = 9
SET @x = bump(9)
UPDATE acc SET note = 'after' WHERE id = 9
--@commit
SELECT * FROM acc WHERE id = 9

-- case function that writes, called in the WHERE of a read
SELECT id, v, note FROM acc WHERE id = 10
SELECT id, v FROM more WHERE id = bump(10)
UPDATE acc SET note = 'after' WHERE id = 10
--@commit
SELECT * FROM acc WHERE id = 10

-- case built-in functions in the read and between
SELECT id, v, lower(note), length(note) FROM more WHERE id = 3
SELECT coalesce(NULL, 1), abs(-2), now() IS NOT NULL
UPDATE more SET v = 1 WHERE id = 3
--@commit
SELECT * FROM more WHERE id = 3

-- case procedure that writes, called between
SELECT id, v, note FROM acc WHERE id = 8
CALL bump_p(8)
UPDATE acc SET v = 1 WHERE id = 8
--@commit
SELECT * FROM acc WHERE id = 8

-- case rollback to a savepoint undoes a write made before the read
--@savepoint s3
UPDATE more SET v = 1 WHERE id = 5
SELECT id, v, note FROM more WHERE id = 5
--@rollback to s3
UPDATE more SET note = 'after' WHERE id = 5
--@commit
SELECT * FROM more WHERE id = 5

-- case rollback to a savepoint in SQL
SAVEPOINT s4
UPDATE more SET v = 1 WHERE id = 6
SELECT id, v, note FROM more WHERE id = 6
ROLLBACK TO SAVEPOINT s4
UPDATE more SET note = 'after' WHERE id = 6
--@commit
SELECT * FROM more WHERE id = 6

-- case trigger on another table, insert with its columns
SELECT id, v, note FROM acc WHERE id = 11
INSERT INTO events (id, acc_id) VALUES (2, 11)
UPDATE acc SET note = 'after' WHERE id = 11
--@commit
SELECT * FROM acc WHERE id = 11

-- case trigger on another table, keyed update of it
CREATE TRIGGER event_moves AFTER UPDATE ON events FOR EACH ROW UPDATE acc SET v = v + 1000 WHERE id = NEW.acc_id
SELECT id, v, note FROM acc WHERE id = 12
UPDATE events SET acc_id = 12 WHERE id = 2
UPDATE acc SET note = 'after' WHERE id = 12
--@commit
SELECT * FROM acc WHERE id = 12

-- case write through a view
CREATE VIEW more_v AS SELECT * FROM more
SELECT id, v, note FROM more WHERE id = 7
UPDATE more_v SET v = 5 WHERE id = 7
UPDATE more SET note = 'after' WHERE id = 7
--@commit
SELECT * FROM more WHERE id = 7

-- case upsert on the key read
SELECT id, v, note FROM more WHERE id = 8
INSERT INTO more (id, v) VALUES (8, 9) ON DUPLICATE KEY UPDATE v = VALUES(v)
UPDATE more SET note = 'after' WHERE id = 8
--@commit
SELECT * FROM more WHERE id = 8

-- case insert ignore of the key read
SELECT id, v, note FROM more WHERE id = 9
INSERT IGNORE INTO more (id, v) VALUES (9, 9)
UPDATE more SET v = 1 WHERE id = 9
--@commit
SELECT * FROM more WHERE id = 9

-- case read by one unique key, written by another, then by the first
INSERT INTO coded VALUES (2, 'c', 0)
--@commit
SELECT id, code, v FROM coded WHERE code = 'c'
UPDATE coded SET v = 3 WHERE id = 2
UPDATE coded SET v = 4 WHERE code = 'c'
--@commit
SELECT * FROM coded WHERE id = 2

-- case read by one unique key, guarded write by the same
SELECT id, code, v FROM coded WHERE code = 'c'
UPDATE coded SET v = 5 WHERE code = 'c'
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

-- case start transaction in SQL begins with nothing read
--@autocommit on
SELECT id, v, note FROM more WHERE id = 14
--@other UPDATE more SET v = 99 WHERE id = 14
START TRANSACTION
UPDATE more SET note = 'after' WHERE id = 14
COMMIT
--@autocommit off
SELECT * FROM more WHERE id = 14

-- case guarded delete of the row read
SELECT id, v, note FROM more WHERE id = 15
DELETE FROM more WHERE id = 15
--@commit
SELECT count(*) FROM more WHERE id = 15

-- case guarded write of several columns read
SELECT id, v, note FROM more WHERE id = 16
UPDATE more SET v = 2, note = 'two' WHERE id = 16
--@commit
SELECT * FROM more WHERE id = 16

-- case prepared read and write of the same row
--@prepared
SELECT id, v, note FROM more WHERE id = 17
--@prepared
UPDATE more SET v = 1 WHERE id = 17
--@commit
SELECT * FROM more WHERE id = 17

-- case two rows read, both written
SELECT id, v FROM more WHERE id = 18
SELECT id, v FROM more WHERE id = 19
UPDATE more SET v = 1 WHERE id = 18
UPDATE more SET v = 1 WHERE id = 19
--@commit
SELECT * FROM more WHERE id IN (18, 19) ORDER BY id

-- case a row written twice after one read
SELECT id, v, note FROM more WHERE id = 20
UPDATE more SET v = 1 WHERE id = 20
UPDATE more SET v = 2 WHERE id = 20
--@commit
SELECT * FROM more WHERE id = 20

-- case an absent row read, then updated
SELECT id, v FROM more WHERE id = 300
UPDATE more SET v = 1 WHERE id = 300
--@commit
SELECT count(*) FROM more WHERE id = 300

-- case on delete set null
CREATE TABLE owner (id INT PRIMARY KEY) ENGINE=InnoDB
CREATE TABLE pet (id INT PRIMARY KEY, owner_id INT, v INT NOT NULL, FOREIGN KEY (owner_id) REFERENCES owner(id) ON DELETE SET NULL) ENGINE=InnoDB
INSERT INTO owner VALUES (1)
INSERT INTO pet VALUES (1, 1, 0)
--@commit
SELECT id, owner_id, v FROM pet WHERE id = 1
DELETE FROM owner WHERE id = 1
UPDATE pet SET v = 1 WHERE id = 1
--@commit
SELECT * FROM pet

-- ===== issue #13 classes 3-7 (values, guarded SQL, keys of the right table, binds, results) =====
-- case b: setup
CREATE TABLE sb (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))
INSERT INTO sb SELECT seq, 0, 'n' FROM seq_1_to_60
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
SELECT id, v, 42 AS answer, NOW() IS NOT NULL AS alive FROM sb WHERE id = 3
UPDATE sb SET v = 3 WHERE id = 3
--@commit
SELECT * FROM sb WHERE id = 3

-- case b: keyword-named columns
CREATE TABLE kw (`order` INT PRIMARY KEY, `user` VARCHAR(10), `select` INT NOT NULL)
INSERT INTO kw VALUES (1, 'u', 0)
--@commit
SELECT `order`, `user`, `select` FROM kw WHERE `order` = 1
UPDATE kw SET `select` = 1 WHERE `order` = 1
--@commit
SELECT * FROM kw

-- case b: same table name in another database, keyed on another column there
CREATE DATABASE ${schema}_b
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

-- case b: keyless table here, keyed same-named table in another database
CREATE TABLE ${schema}_b.twin3 (id INT PRIMARY KEY, v INT)
CREATE TABLE twin3 (id INT, v INT NOT NULL)
INSERT INTO twin3 VALUES (1, 0), (1, 0)
--@commit
SELECT id, v FROM twin3 WHERE id = 1
UPDATE twin3 SET v = 1 WHERE id = 1
--@commit
SELECT * FROM twin3 ORDER BY id, v

-- case b: current database changed between transactions
USE ${schema}_b
SELECT id, v FROM twin3 WHERE id = 1
INSERT INTO twin3 VALUES (1, 5)
--@commit
SELECT id, v FROM twin2 WHERE code = 2
UPDATE twin2 SET v = 7 WHERE code = 2
--@commit
USE ${schema}
SELECT * FROM ${schema}_b.twin3
SELECT * FROM ${schema}_b.twin2 ORDER BY code
DROP DATABASE ${schema}_b

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

-- case b: type tinyint(1) holding 1
CREATE TABLE ty_2 (id INT PRIMARY KEY, c tinyint(1), v INT NOT NULL)
INSERT INTO ty_2 VALUES (1, 1, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_2 WHERE id = 1
UPDATE ty_2 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_2 WHERE id = 2
--@prepared
UPDATE ty_2 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_2 WHERE id = 3
INSERT INTO ty_2 VALUES (3, 1, 0)
--@commit
SELECT id, v FROM ty_2 ORDER BY id

-- case b: type smallint holding -300
CREATE TABLE ty_3 (id INT PRIMARY KEY, c smallint, v INT NOT NULL)
INSERT INTO ty_3 VALUES (1, -300, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_3 WHERE id = 1
UPDATE ty_3 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_3 WHERE id = 2
--@prepared
UPDATE ty_3 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_3 WHERE id = 3
INSERT INTO ty_3 VALUES (3, -300, 0)
--@commit
SELECT id, v FROM ty_3 ORDER BY id

-- case b: type mediumint holding 70000
CREATE TABLE ty_4 (id INT PRIMARY KEY, c mediumint, v INT NOT NULL)
INSERT INTO ty_4 VALUES (1, 70000, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_4 WHERE id = 1
UPDATE ty_4 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_4 WHERE id = 2
--@prepared
UPDATE ty_4 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_4 WHERE id = 3
INSERT INTO ty_4 VALUES (3, 70000, 0)
--@commit
SELECT id, v FROM ty_4 ORDER BY id

-- case b: type int holding -42
CREATE TABLE ty_5 (id INT PRIMARY KEY, c int, v INT NOT NULL)
INSERT INTO ty_5 VALUES (1, -42, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_5 WHERE id = 1
UPDATE ty_5 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_5 WHERE id = 2
--@prepared
UPDATE ty_5 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_5 WHERE id = 3
INSERT INTO ty_5 VALUES (3, -42, 0)
--@commit
SELECT id, v FROM ty_5 ORDER BY id

-- case b: type int unsigned holding 4294967295
CREATE TABLE ty_6 (id INT PRIMARY KEY, c int unsigned, v INT NOT NULL)
INSERT INTO ty_6 VALUES (1, 4294967295, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_6 WHERE id = 1
UPDATE ty_6 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_6 WHERE id = 2
--@prepared
UPDATE ty_6 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_6 WHERE id = 3
INSERT INTO ty_6 VALUES (3, 4294967295, 0)
--@commit
SELECT id, v FROM ty_6 ORDER BY id

-- case b: type bigint holding 9000000000
CREATE TABLE ty_7 (id INT PRIMARY KEY, c bigint, v INT NOT NULL)
INSERT INTO ty_7 VALUES (1, 9000000000, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_7 WHERE id = 1
UPDATE ty_7 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_7 WHERE id = 2
--@prepared
UPDATE ty_7 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_7 WHERE id = 3
INSERT INTO ty_7 VALUES (3, 9000000000, 0)
--@commit
SELECT id, v FROM ty_7 ORDER BY id

-- case b: type bigint unsigned holding 18446744073709551615
CREATE TABLE ty_8 (id INT PRIMARY KEY, c bigint unsigned, v INT NOT NULL)
INSERT INTO ty_8 VALUES (1, 18446744073709551615, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_8 WHERE id = 1
UPDATE ty_8 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_8 WHERE id = 2
--@prepared
UPDATE ty_8 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_8 WHERE id = 3
INSERT INTO ty_8 VALUES (3, 18446744073709551615, 0)
--@commit
SELECT id, v FROM ty_8 ORDER BY id

-- case b: type decimal(10,2) holding 1.10
CREATE TABLE ty_9 (id INT PRIMARY KEY, c decimal(10,2), v INT NOT NULL)
INSERT INTO ty_9 VALUES (1, 1.10, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_9 WHERE id = 1
UPDATE ty_9 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_9 WHERE id = 2
--@prepared
UPDATE ty_9 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_9 WHERE id = 3
INSERT INTO ty_9 VALUES (3, 1.10, 0)
--@commit
SELECT id, v FROM ty_9 ORDER BY id

-- case b: type decimal(65,30) holding 1.5
CREATE TABLE ty_10 (id INT PRIMARY KEY, c decimal(65,30), v INT NOT NULL)
INSERT INTO ty_10 VALUES (1, 1.5, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_10 WHERE id = 1
UPDATE ty_10 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_10 WHERE id = 2
--@prepared
UPDATE ty_10 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_10 WHERE id = 3
INSERT INTO ty_10 VALUES (3, 1.5, 0)
--@commit
SELECT id, v FROM ty_10 ORDER BY id

-- case b: type float holding 0.1
CREATE TABLE ty_11 (id INT PRIMARY KEY, c float, v INT NOT NULL)
INSERT INTO ty_11 VALUES (1, 0.1, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_11 WHERE id = 1
UPDATE ty_11 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_11 WHERE id = 2
--@prepared
UPDATE ty_11 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_11 WHERE id = 3
INSERT INTO ty_11 VALUES (3, 0.1, 0)
--@commit
SELECT id, v FROM ty_11 ORDER BY id

-- case b: type double holding 1e-300
CREATE TABLE ty_12 (id INT PRIMARY KEY, c double, v INT NOT NULL)
INSERT INTO ty_12 VALUES (1, 1e-300, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_12 WHERE id = 1
UPDATE ty_12 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_12 WHERE id = 2
--@prepared
UPDATE ty_12 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_12 WHERE id = 3
INSERT INTO ty_12 VALUES (3, 1e-300, 0)
--@commit
SELECT id, v FROM ty_12 ORDER BY id

-- case b: type bit(1) holding b'1'
CREATE TABLE ty_13 (id INT PRIMARY KEY, c bit(1), v INT NOT NULL)
INSERT INTO ty_13 VALUES (1, b'1', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_13 WHERE id = 1
UPDATE ty_13 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_13 WHERE id = 2
--@prepared
UPDATE ty_13 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_13 WHERE id = 3
INSERT INTO ty_13 VALUES (3, b'1', 0)
--@commit
SELECT id, v FROM ty_13 ORDER BY id

-- case b: type bit(8) holding b'10000001'
CREATE TABLE ty_14 (id INT PRIMARY KEY, c bit(8), v INT NOT NULL)
INSERT INTO ty_14 VALUES (1, b'10000001', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_14 WHERE id = 1
UPDATE ty_14 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_14 WHERE id = 2
--@prepared
UPDATE ty_14 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_14 WHERE id = 3
INSERT INTO ty_14 VALUES (3, b'10000001', 0)
--@commit
SELECT id, v FROM ty_14 ORDER BY id

-- case b: type boolean holding true
CREATE TABLE ty_15 (id INT PRIMARY KEY, c boolean, v INT NOT NULL)
INSERT INTO ty_15 VALUES (1, true, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_15 WHERE id = 1
UPDATE ty_15 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_15 WHERE id = 2
--@prepared
UPDATE ty_15 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_15 WHERE id = 3
INSERT INTO ty_15 VALUES (3, true, 0)
--@commit
SELECT id, v FROM ty_15 ORDER BY id

-- case b: type char(5) holding 'ab'
CREATE TABLE ty_16 (id INT PRIMARY KEY, c char(5), v INT NOT NULL)
INSERT INTO ty_16 VALUES (1, 'ab', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_16 WHERE id = 1
UPDATE ty_16 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_16 WHERE id = 2
--@prepared
UPDATE ty_16 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_16 WHERE id = 3
INSERT INTO ty_16 VALUES (3, 'ab', 0)
--@commit
SELECT id, v FROM ty_16 ORDER BY id

-- case b: type varchar(10) holding 'a '
CREATE TABLE ty_17 (id INT PRIMARY KEY, c varchar(10), v INT NOT NULL)
INSERT INTO ty_17 VALUES (1, 'a ', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_17 WHERE id = 1
UPDATE ty_17 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_17 WHERE id = 2
--@prepared
UPDATE ty_17 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_17 WHERE id = 3
INSERT INTO ty_17 VALUES (3, 'a ', 0)
--@commit
SELECT id, v FROM ty_17 ORDER BY id

-- case b: type varchar(10) holding ''
CREATE TABLE ty_18 (id INT PRIMARY KEY, c varchar(10), v INT NOT NULL)
INSERT INTO ty_18 VALUES (1, '', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_18 WHERE id = 1
UPDATE ty_18 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_18 WHERE id = 2
--@prepared
UPDATE ty_18 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_18 WHERE id = 3
INSERT INTO ty_18 VALUES (3, '', 0)
--@commit
SELECT id, v FROM ty_18 ORDER BY id

-- case b: type varchar(20) holding 'héllo 😀'
CREATE TABLE ty_19 (id INT PRIMARY KEY, c varchar(20), v INT NOT NULL)
INSERT INTO ty_19 VALUES (1, 'héllo 😀', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_19 WHERE id = 1
UPDATE ty_19 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_19 WHERE id = 2
--@prepared
UPDATE ty_19 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_19 WHERE id = 3
INSERT INTO ty_19 VALUES (3, 'héllo 😀', 0)
--@commit
SELECT id, v FROM ty_19 ORDER BY id

-- case b: type varchar(10) character set latin1 holding 'ünï'
CREATE TABLE ty_20 (id INT PRIMARY KEY, c varchar(10) character set latin1, v INT NOT NULL)
INSERT INTO ty_20 VALUES (1, 'ünï', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_20 WHERE id = 1
UPDATE ty_20 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_20 WHERE id = 2
--@prepared
UPDATE ty_20 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_20 WHERE id = 3
INSERT INTO ty_20 VALUES (3, 'ünï', 0)
--@commit
SELECT id, v FROM ty_20 ORDER BY id

-- case b: type varchar(10) collate utf8mb4_bin holding 'Abc'
CREATE TABLE ty_21 (id INT PRIMARY KEY, c varchar(10) collate utf8mb4_bin, v INT NOT NULL)
INSERT INTO ty_21 VALUES (1, 'Abc', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_21 WHERE id = 1
UPDATE ty_21 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_21 WHERE id = 2
--@prepared
UPDATE ty_21 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_21 WHERE id = 3
INSERT INTO ty_21 VALUES (3, 'Abc', 0)
--@commit
SELECT id, v FROM ty_21 ORDER BY id

-- case b: type text holding 't'
CREATE TABLE ty_22 (id INT PRIMARY KEY, c text, v INT NOT NULL)
INSERT INTO ty_22 VALUES (1, 't', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_22 WHERE id = 1
UPDATE ty_22 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_22 WHERE id = 2
--@prepared
UPDATE ty_22 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_22 WHERE id = 3
INSERT INTO ty_22 VALUES (3, 't', 0)
--@commit
SELECT id, v FROM ty_22 ORDER BY id

-- case b: type tinytext holding 't'
CREATE TABLE ty_23 (id INT PRIMARY KEY, c tinytext, v INT NOT NULL)
INSERT INTO ty_23 VALUES (1, 't', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_23 WHERE id = 1
UPDATE ty_23 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_23 WHERE id = 2
--@prepared
UPDATE ty_23 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_23 WHERE id = 3
INSERT INTO ty_23 VALUES (3, 't', 0)
--@commit
SELECT id, v FROM ty_23 ORDER BY id

-- case b: type mediumtext holding 't'
CREATE TABLE ty_24 (id INT PRIMARY KEY, c mediumtext, v INT NOT NULL)
INSERT INTO ty_24 VALUES (1, 't', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_24 WHERE id = 1
UPDATE ty_24 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_24 WHERE id = 2
--@prepared
UPDATE ty_24 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_24 WHERE id = 3
INSERT INTO ty_24 VALUES (3, 't', 0)
--@commit
SELECT id, v FROM ty_24 ORDER BY id

-- case b: type longtext holding 't'
CREATE TABLE ty_25 (id INT PRIMARY KEY, c longtext, v INT NOT NULL)
INSERT INTO ty_25 VALUES (1, 't', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_25 WHERE id = 1
UPDATE ty_25 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_25 WHERE id = 2
--@prepared
UPDATE ty_25 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_25 WHERE id = 3
INSERT INTO ty_25 VALUES (3, 't', 0)
--@commit
SELECT id, v FROM ty_25 ORDER BY id

-- case b: type binary(4) holding x'0102'
CREATE TABLE ty_26 (id INT PRIMARY KEY, c binary(4), v INT NOT NULL)
INSERT INTO ty_26 VALUES (1, x'0102', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_26 WHERE id = 1
UPDATE ty_26 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_26 WHERE id = 2
--@prepared
UPDATE ty_26 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_26 WHERE id = 3
INSERT INTO ty_26 VALUES (3, x'0102', 0)
--@commit
SELECT id, v FROM ty_26 ORDER BY id

-- case b: type varbinary(8) holding x'00ff'
CREATE TABLE ty_27 (id INT PRIMARY KEY, c varbinary(8), v INT NOT NULL)
INSERT INTO ty_27 VALUES (1, x'00ff', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_27 WHERE id = 1
UPDATE ty_27 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_27 WHERE id = 2
--@prepared
UPDATE ty_27 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_27 WHERE id = 3
INSERT INTO ty_27 VALUES (3, x'00ff', 0)
--@commit
SELECT id, v FROM ty_27 ORDER BY id

-- case b: type blob holding x'00'
CREATE TABLE ty_28 (id INT PRIMARY KEY, c blob, v INT NOT NULL)
INSERT INTO ty_28 VALUES (1, x'00', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_28 WHERE id = 1
UPDATE ty_28 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_28 WHERE id = 2
--@prepared
UPDATE ty_28 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_28 WHERE id = 3
INSERT INTO ty_28 VALUES (3, x'00', 0)
--@commit
SELECT id, v FROM ty_28 ORDER BY id

-- case b: type tinyblob holding x'01'
CREATE TABLE ty_29 (id INT PRIMARY KEY, c tinyblob, v INT NOT NULL)
INSERT INTO ty_29 VALUES (1, x'01', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_29 WHERE id = 1
UPDATE ty_29 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_29 WHERE id = 2
--@prepared
UPDATE ty_29 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_29 WHERE id = 3
INSERT INTO ty_29 VALUES (3, x'01', 0)
--@commit
SELECT id, v FROM ty_29 ORDER BY id

-- case b: type date holding '2024-02-29'
CREATE TABLE ty_30 (id INT PRIMARY KEY, c date, v INT NOT NULL)
INSERT INTO ty_30 VALUES (1, '2024-02-29', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_30 WHERE id = 1
UPDATE ty_30 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_30 WHERE id = 2
--@prepared
UPDATE ty_30 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_30 WHERE id = 3
INSERT INTO ty_30 VALUES (3, '2024-02-29', 0)
--@commit
SELECT id, v FROM ty_30 ORDER BY id

-- case b: type datetime holding '2024-01-31 12:30:00'
CREATE TABLE ty_31 (id INT PRIMARY KEY, c datetime, v INT NOT NULL)
INSERT INTO ty_31 VALUES (1, '2024-01-31 12:30:00', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_31 WHERE id = 1
UPDATE ty_31 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_31 WHERE id = 2
--@prepared
UPDATE ty_31 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_31 WHERE id = 3
INSERT INTO ty_31 VALUES (3, '2024-01-31 12:30:00', 0)
--@commit
SELECT id, v FROM ty_31 ORDER BY id

-- case b: type datetime(6) holding '2024-01-31 12:30:00.123456'
CREATE TABLE ty_32 (id INT PRIMARY KEY, c datetime(6), v INT NOT NULL)
INSERT INTO ty_32 VALUES (1, '2024-01-31 12:30:00.123456', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_32 WHERE id = 1
UPDATE ty_32 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_32 WHERE id = 2
--@prepared
UPDATE ty_32 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_32 WHERE id = 3
INSERT INTO ty_32 VALUES (3, '2024-01-31 12:30:00.123456', 0)
--@commit
SELECT id, v FROM ty_32 ORDER BY id

-- case b: type timestamp(3) null holding '2024-01-31 12:30:00.123'
CREATE TABLE ty_33 (id INT PRIMARY KEY, c timestamp(3) null, v INT NOT NULL)
INSERT INTO ty_33 VALUES (1, '2024-01-31 12:30:00.123', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_33 WHERE id = 1
UPDATE ty_33 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_33 WHERE id = 2
--@prepared
UPDATE ty_33 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_33 WHERE id = 3
INSERT INTO ty_33 VALUES (3, '2024-01-31 12:30:00.123', 0)
--@commit
SELECT id, v FROM ty_33 ORDER BY id

-- case b: type time holding '12:00:00'
CREATE TABLE ty_34 (id INT PRIMARY KEY, c time, v INT NOT NULL)
INSERT INTO ty_34 VALUES (1, '12:00:00', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_34 WHERE id = 1
UPDATE ty_34 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_34 WHERE id = 2
--@prepared
UPDATE ty_34 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_34 WHERE id = 3
INSERT INTO ty_34 VALUES (3, '12:00:00', 0)
--@commit
SELECT id, v FROM ty_34 ORDER BY id

-- case b: type time(6) holding '-838:59:59.000000'
CREATE TABLE ty_35 (id INT PRIMARY KEY, c time(6), v INT NOT NULL)
INSERT INTO ty_35 VALUES (1, '-838:59:59.000000', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_35 WHERE id = 1
UPDATE ty_35 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_35 WHERE id = 2
--@prepared
UPDATE ty_35 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_35 WHERE id = 3
INSERT INTO ty_35 VALUES (3, '-838:59:59.000000', 0)
--@commit
SELECT id, v FROM ty_35 ORDER BY id

-- case b: type year holding 2024
CREATE TABLE ty_36 (id INT PRIMARY KEY, c year, v INT NOT NULL)
INSERT INTO ty_36 VALUES (1, 2024, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_36 WHERE id = 1
UPDATE ty_36 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_36 WHERE id = 2
--@prepared
UPDATE ty_36 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_36 WHERE id = 3
INSERT INTO ty_36 VALUES (3, 2024, 0)
--@commit
SELECT id, v FROM ty_36 ORDER BY id

-- case b: type enum('a','b') holding 'b'
CREATE TABLE ty_37 (id INT PRIMARY KEY, c enum('a','b'), v INT NOT NULL)
INSERT INTO ty_37 VALUES (1, 'b', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_37 WHERE id = 1
UPDATE ty_37 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_37 WHERE id = 2
--@prepared
UPDATE ty_37 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_37 WHERE id = 3
INSERT INTO ty_37 VALUES (3, 'b', 0)
--@commit
SELECT id, v FROM ty_37 ORDER BY id

-- case b: type set('x','y') holding 'x,y'
CREATE TABLE ty_38 (id INT PRIMARY KEY, c set('x','y'), v INT NOT NULL)
INSERT INTO ty_38 VALUES (1, 'x,y', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_38 WHERE id = 1
UPDATE ty_38 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_38 WHERE id = 2
--@prepared
UPDATE ty_38 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_38 WHERE id = 3
INSERT INTO ty_38 VALUES (3, 'x,y', 0)
--@commit
SELECT id, v FROM ty_38 ORDER BY id

-- case b: type json holding '{"a": 1}'
CREATE TABLE ty_39 (id INT PRIMARY KEY, c json, v INT NOT NULL)
INSERT INTO ty_39 VALUES (1, '{"a": 1}', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_39 WHERE id = 1
UPDATE ty_39 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_39 WHERE id = 2
--@prepared
UPDATE ty_39 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_39 WHERE id = 3
INSERT INTO ty_39 VALUES (3, '{"a": 1}', 0)
--@commit
SELECT id, v FROM ty_39 ORDER BY id

-- case b: type uuid holding 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'
CREATE TABLE ty_40 (id INT PRIMARY KEY, c uuid, v INT NOT NULL)
INSERT INTO ty_40 VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_40 WHERE id = 1
UPDATE ty_40 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_40 WHERE id = 2
--@prepared
UPDATE ty_40 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_40 WHERE id = 3
INSERT INTO ty_40 VALUES (3, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 0)
--@commit
SELECT id, v FROM ty_40 ORDER BY id

-- case b: type inet6 holding '::1'
CREATE TABLE ty_41 (id INT PRIMARY KEY, c inet6, v INT NOT NULL)
INSERT INTO ty_41 VALUES (1, '::1', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_41 WHERE id = 1
UPDATE ty_41 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_41 WHERE id = 2
--@prepared
UPDATE ty_41 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_41 WHERE id = 3
INSERT INTO ty_41 VALUES (3, '::1', 0)
--@commit
SELECT id, v FROM ty_41 ORDER BY id

-- case b: type inet4 holding '10.0.0.1'
CREATE TABLE ty_42 (id INT PRIMARY KEY, c inet4, v INT NOT NULL)
INSERT INTO ty_42 VALUES (1, '10.0.0.1', 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_42 WHERE id = 1
UPDATE ty_42 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_42 WHERE id = 2
--@prepared
UPDATE ty_42 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_42 WHERE id = 3
INSERT INTO ty_42 VALUES (3, '10.0.0.1', 0)
--@commit
SELECT id, v FROM ty_42 ORDER BY id

-- case b: type decimal(5,0) zerofill holding 42
CREATE TABLE ty_43 (id INT PRIMARY KEY, c decimal(5,0) zerofill, v INT NOT NULL)
INSERT INTO ty_43 VALUES (1, 42, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_43 WHERE id = 1
UPDATE ty_43 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_43 WHERE id = 2
--@prepared
UPDATE ty_43 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_43 WHERE id = 3
INSERT INTO ty_43 VALUES (3, 42, 0)
--@commit
SELECT id, v FROM ty_43 ORDER BY id

-- case b: type double unsigned holding 1.5
CREATE TABLE ty_44 (id INT PRIMARY KEY, c double unsigned, v INT NOT NULL)
INSERT INTO ty_44 VALUES (1, 1.5, 0), (2, NULL, 0)
--@commit
SELECT id, c, v FROM ty_44 WHERE id = 1
UPDATE ty_44 SET v = 1 WHERE id = 1
--@prepared
SELECT * FROM ty_44 WHERE id = 2
--@prepared
UPDATE ty_44 SET v = 1 WHERE id = 2
SELECT id, c, v FROM ty_44 WHERE id = 3
INSERT INTO ty_44 VALUES (3, 1.5, 0)
--@commit
SELECT id, v FROM ty_44 ORDER BY id

-- case b: type varchar(3000) holding repeat('x', 3000)
CREATE TABLE ty_45 (id INT PRIMARY KEY, c varchar(3000), v INT NOT NULL)
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

-- case collation: a key under a case-insensitive, pad-space collation, found by another spelling
CREATE TABLE loose_key (k VARCHAR(10) PRIMARY KEY, n CHAR(6) CHARACTER SET latin1 UNIQUE, v INT NOT NULL)
INSERT INTO loose_key VALUES ('Key', 'Name', 0), ('Other', 'Else', 0)
--@commit
SELECT * FROM loose_key WHERE k = 'key'
UPDATE loose_key SET v = 1 WHERE k = 'key'
SELECT k, n, v FROM loose_key WHERE n = 'NAME '
UPDATE loose_key SET v = 2 WHERE n = 'NAME '
SELECT k, v FROM loose_key WHERE k = 'OTHER'
UPDATE loose_key SET k = 'OTHER' WHERE k = 'other'
SELECT k, v FROM loose_key WHERE k = 'Other'
UPDATE loose_key SET v = 3 WHERE k = 'Other'
--@commit
SELECT * FROM loose_key ORDER BY k

-- case sql transaction: START TRANSACTION and COMMIT WORK, BEGIN WORK and ROLLBACK WORK, a savepoint rolled back in SQL
CREATE TABLE sqltx (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))
INSERT INTO sqltx VALUES (1, 0, 'n'), (2, 0, 'n'), (3, 0, 'n')
--@commit
--@autocommit on
SELECT id, v, note FROM sqltx WHERE id = 1
--@other UPDATE sqltx SET v = 99 WHERE id = 1
START TRANSACTION
UPDATE sqltx SET note = 'in' WHERE id = 1
COMMIT WORK
SELECT id, v, note FROM sqltx WHERE id = 2
BEGIN WORK
SELECT id, v, note FROM sqltx WHERE id = 2
UPDATE sqltx SET v = 2 WHERE id = 2
ROLLBACK WORK
--@other UPDATE sqltx SET v = 98 WHERE id = 2
UPDATE sqltx SET note = 'after' WHERE id = 2
START TRANSACTION READ WRITE
SELECT id, v FROM sqltx WHERE id = 3
SAVEPOINT s
UPDATE sqltx SET v = 3 WHERE id = 3
ROLLBACK WORK TO SAVEPOINT s
UPDATE sqltx SET v = 4 WHERE id = 3
SELECT id, v FROM sqltx WHERE id = 3
UPDATE sqltx SET note = 'x' WHERE id = 3
COMMIT
--@autocommit off
SELECT * FROM sqltx ORDER BY id
--@commit
