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
