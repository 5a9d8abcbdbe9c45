-- Ordinary shapes the guard must leave exactly as the raw driver gives them, in portable SQL: every
-- database runs them three ways (GuardSoundnessTest): as written on tables gen and gen2, every statement
-- prepared on genp and genp2, every read through executeQuery on genq and genq2. ${t} names the way's table.
-- case shapes: tables
CREATE TABLE ${t} (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))
CREATE TABLE ${t}2 (id INT PRIMARY KEY, gen_id INT, w INT NOT NULL)
INSERT INTO ${t} VALUES (1, 0, 'n'), (2, 0, 'n'), (3, 0, 'n'), (4, 0, 'n'), (5, 0, 'n'), (6, 0, 'n'), (7, 0, 'n'), (8, 0, 'n'), (9, 0, 'n'), (10, 0, 'n'), (11, 0, 'n'), (12, 0, 'n'), (13, 0, 'n'), (14, 0, 'n'), (15, 0, 'n'), (16, 0, 'n'), (17, 0, 'n'), (18, 0, 'n'), (19, 0, 'n'), (20, 0, 'n'), (21, 0, 'n'), (22, 0, 'n'), (23, 0, 'n'), (24, 0, 'n'), (25, 0, 'n'), (26, 0, 'n'), (27, 0, 'n'), (28, 0, 'n'), (29, 0, 'n'), (30, 0, 'n'), (31, 0, 'n'), (32, 0, 'n'), (33, 0, 'n'), (34, 0, 'n'), (35, 0, 'n'), (36, 0, 'n'), (37, 0, 'n'), (38, 0, 'n'), (39, 0, 'n'), (40, 0, 'n'), (41, 0, 'n'), (42, 0, 'n'), (43, 0, 'n'), (44, 0, 'n'), (45, 0, 'n'), (46, 0, 'n'), (47, 0, 'n'), (48, 0, 'n'), (49, 0, 'n'), (50, 0, 'n'), (51, 0, 'n'), (52, 0, 'n'), (53, 0, 'n'), (54, 0, 'n'), (55, 0, 'n'), (56, 0, 'n'), (57, 0, 'n'), (58, 0, 'n'), (59, 0, 'n'), (60, 0, 'n')
INSERT INTO ${t}2 VALUES (1, 1, 0), (2, 2, 0), (3, 3, 0), (4, 4, 0), (5, 5, 0), (6, 6, 0), (7, 7, 0), (8, 8, 0), (9, 9, 0), (10, 10, 0), (11, 11, 0), (12, 12, 0), (13, 13, 0), (14, 14, 0), (15, 15, 0), (16, 16, 0), (17, 17, 0), (18, 18, 0), (19, 19, 0), (20, 20, 0), (21, 21, 0), (22, 22, 0), (23, 23, 0), (24, 24, 0), (25, 25, 0), (26, 26, 0), (27, 27, 0), (28, 28, 0), (29, 29, 0), (30, 30, 0), (31, 31, 0), (32, 32, 0), (33, 33, 0), (34, 34, 0), (35, 35, 0), (36, 36, 0), (37, 37, 0), (38, 38, 0), (39, 39, 0), (40, 40, 0), (41, 41, 0), (42, 42, 0), (43, 43, 0), (44, 44, 0), (45, 45, 0), (46, 46, 0), (47, 47, 0), (48, 48, 0), (49, 49, 0), (50, 50, 0), (51, 51, 0), (52, 52, 0), (53, 53, 0), (54, 54, 0), (55, 55, 0), (56, 56, 0), (57, 57, 0), (58, 58, 0), (59, 59, 0), (60, 60, 0)
--@commit

-- case whole row read, one column written
SELECT * FROM ${t} WHERE id = 1
UPDATE ${t} SET v = 1 WHERE id = 1
--@commit
SELECT * FROM ${t} WHERE id = 1

-- case aliased read, written
SELECT g.id, g.v FROM ${t} g WHERE g.id = 2
UPDATE ${t} SET v = 2 WHERE id = 2
--@commit
SELECT * FROM ${t} WHERE id = 2

-- case read by key and another column
SELECT id, v, note FROM ${t} WHERE id = 3 AND note = 'n'
UPDATE ${t} SET v = 3 WHERE id = 3
--@commit
SELECT * FROM ${t} WHERE id = 3

-- case read by key and a range
SELECT id, v FROM ${t} WHERE id = 4 AND v >= 0
UPDATE ${t} SET v = 4 WHERE id = 4
--@commit
SELECT * FROM ${t} WHERE id = 4

-- case self-relative updates after a read
SELECT id, v FROM ${t} WHERE id = 5
UPDATE ${t} SET v = v + 1 WHERE id = 5
UPDATE ${t} SET v = v + 1 WHERE id = 5
UPDATE ${t} SET note = 'after' WHERE id = 5
--@commit
SELECT * FROM ${t} WHERE id = 5

-- case read, delete, read absent, insert
SELECT id, v, note FROM ${t} WHERE id = 6
DELETE FROM ${t} WHERE id = 6
SELECT id, v, note FROM ${t} WHERE id = 6
INSERT INTO ${t} (id, v, note) VALUES (6, 6, 'new')
--@commit
SELECT * FROM ${t} WHERE id = 6

-- case absent read, insert, update of the new row
SELECT id, v FROM ${t} WHERE id = 106
INSERT INTO ${t} (id, v, note) VALUES (106, 1, 'new')
UPDATE ${t} SET v = 2 WHERE id = 106
--@commit
SELECT * FROM ${t} WHERE id = 106

-- case a write with its own condition
SELECT id, v FROM ${t} WHERE id = 7
UPDATE ${t} SET v = 7 WHERE id = 7 AND v = 0
--@commit
SELECT * FROM ${t} WHERE id = 7

-- case two rows read, one written, commit
SELECT id, v FROM ${t} WHERE id = 8
SELECT id, v FROM ${t} WHERE id = 9
UPDATE ${t} SET v = 8 WHERE id = 8
--@commit
SELECT * FROM ${t} WHERE id IN (8, 9) ORDER BY id

-- case read, rollback, read again, write
SELECT id, v FROM ${t} WHERE id = 10
--@rollback
SELECT id, v FROM ${t} WHERE id = 10
UPDATE ${t} SET v = 10 WHERE id = 10
--@commit
SELECT * FROM ${t} WHERE id = 10

-- case another row written between read and write
SELECT id, v, note FROM ${t} WHERE id = 11
UPDATE ${t} SET v = 99 WHERE id = 12
UPDATE ${t} SET v = 11 WHERE id = 11
--@commit
SELECT * FROM ${t} WHERE id IN (11, 12) ORDER BY id

-- case a column set to NULL, read again, set back
SELECT id, v, note FROM ${t} WHERE id = 13
UPDATE ${t} SET note = NULL WHERE id = 13
SELECT id, v, note FROM ${t} WHERE id = 13
UPDATE ${t} SET note = 'back' WHERE id = 13
--@commit
SELECT * FROM ${t} WHERE id = 13

-- case key not among the columns read
SELECT v, note FROM ${t} WHERE id = 14
UPDATE ${t} SET v = 14 WHERE id = 14
--@commit
SELECT * FROM ${t} WHERE id = 14

-- case read with LIMIT
SELECT id, v FROM ${t} WHERE id = 15 LIMIT 1
UPDATE ${t} SET v = 15 WHERE id = 15
--@commit
SELECT * FROM ${t} WHERE id = 15

-- case read of several rows by IN
SELECT id, v FROM ${t} WHERE id IN (16, 17) ORDER BY id
UPDATE ${t} SET v = 16 WHERE id = 16
--@commit
SELECT * FROM ${t} WHERE id = 16

-- case an aggregate read
SELECT count(*), max(v) FROM ${t} WHERE id = 18
UPDATE ${t} SET v = 18 WHERE id = 18
--@commit
SELECT * FROM ${t} WHERE id = 18

-- case whole table read
SELECT id, v FROM ${t} ORDER BY id
UPDATE ${t} SET v = 19 WHERE id = 19
--@commit
SELECT * FROM ${t} WHERE id = 19

-- case write with no read
UPDATE ${t} SET v = 20 WHERE id = 20
--@commit
SELECT * FROM ${t} WHERE id = 20

-- case delete and insert with no read
DELETE FROM ${t} WHERE id = 21
INSERT INTO ${t} (id, v, note) VALUES (21, 21, 'new')
--@commit
SELECT * FROM ${t} WHERE id = 21

-- case a row holding NULL read and written
UPDATE ${t} SET note = NULL WHERE id = 22
--@commit
SELECT id, v, note FROM ${t} WHERE id = 22
UPDATE ${t} SET v = 22 WHERE id = 22
--@commit
SELECT * FROM ${t} WHERE id = 22

-- case distinct read
SELECT DISTINCT v FROM ${t} WHERE id = 23
UPDATE ${t} SET v = 23 WHERE id = 23
--@commit
SELECT * FROM ${t} WHERE id = 23

-- case joined read
SELECT g.id, g.v, h.w FROM ${t} g JOIN ${t}2 h ON h.gen_id = g.id WHERE g.id = 24
UPDATE ${t} SET v = 24 WHERE id = 24
UPDATE ${t}2 SET w = 24 WHERE id = 24
--@commit
SELECT * FROM ${t}2 WHERE id = 24

-- case read, commit, write in the next transaction
SELECT id, v FROM ${t} WHERE id = 25
--@commit
UPDATE ${t} SET v = 25 WHERE id = 25
--@commit
SELECT * FROM ${t} WHERE id = 25

-- case autocommit read, autocommit delete
--@autocommit on
SELECT id, v FROM ${t} WHERE id = 26
DELETE FROM ${t} WHERE id = 26
--@autocommit off
SELECT count(*) FROM ${t} WHERE id = 26

-- case key repeated in the read
SELECT id, v FROM ${t} WHERE id = 27 AND id = 27
UPDATE ${t} SET v = 27 WHERE id = 27
--@commit
SELECT * FROM ${t} WHERE id = 27

-- case update of every column read
SELECT id, v, note FROM ${t} WHERE id = 28
UPDATE ${t} SET v = 28, note = 'all' WHERE id = 28
--@commit
SELECT * FROM ${t} WHERE id = 28

-- case read, write, read, write, delete
SELECT id, v FROM ${t} WHERE id = 29
UPDATE ${t} SET v = 1 WHERE id = 29
SELECT id, v FROM ${t} WHERE id = 29
UPDATE ${t} SET v = 2 WHERE id = 29
SELECT id, v FROM ${t} WHERE id = 29
DELETE FROM ${t} WHERE id = 29
--@commit
SELECT count(*) FROM ${t} WHERE id = 29

-- case prepared reads and writes of two rows
--@prepared
SELECT id, v, note FROM ${t} WHERE id = 30
--@prepared
SELECT id, v, note FROM ${t} WHERE id = 31
--@prepared
UPDATE ${t} SET v = 30 WHERE id = 30
--@prepared
UPDATE ${t} SET v = 31 WHERE id = 31
--@commit
SELECT * FROM ${t} WHERE id IN (30, 31) ORDER BY id

-- case prepared delete after a read
--@prepared
SELECT id, v FROM ${t} WHERE id = 32
--@prepared
DELETE FROM ${t} WHERE id = 32
--@commit
SELECT count(*) FROM ${t} WHERE id = 32

-- case prepared insert after an absent read
--@prepared
SELECT id, v FROM ${t} WHERE id = 132
--@prepared
INSERT INTO ${t} (id, v, note) VALUES (132, 1, 'p')
--@commit
SELECT * FROM ${t} WHERE id = 132

-- case a query through executeQuery between read and write
SELECT id, v FROM ${t} WHERE id = 33
--@query
SELECT count(*) FROM ${t}
UPDATE ${t} SET v = 33 WHERE id = 33
--@commit
SELECT * FROM ${t} WHERE id = 33

-- case a write of another table between read and write
SELECT id, v FROM ${t} WHERE id = 34
UPDATE ${t}2 SET w = 34 WHERE id = 34
UPDATE ${t} SET v = 34 WHERE id = 34
--@commit
SELECT * FROM ${t} WHERE id = 34

-- case absent read, the transaction's own row moved onto the key, insert of the key
SELECT id, v FROM ${t} WHERE id = 135
UPDATE ${t} SET id = 135 WHERE id = 35
INSERT INTO ${t} (id, v, note) VALUES (135, 1, 'dup')
--@rollback
SELECT * FROM ${t} WHERE id = 135

-- case absent read, insert that fails for another reason than its key
SELECT id, v FROM ${t} WHERE id = 136
INSERT INTO ${t} (id, v, note) VALUES (136, NULL, 'no v')
--@rollback
SELECT * FROM ${t} WHERE id = 136

-- case absent read in autocommit, the key inserted twice
--@autocommit on
SELECT id, v FROM ${t} WHERE id = 137
INSERT INTO ${t} (id, v, note) VALUES (137, 1, 'first')
INSERT INTO ${t} (id, v, note) VALUES (137, 2, 'second')
--@autocommit off
SELECT * FROM ${t} WHERE id = 137
--@commit

-- case rows read through a join, each table's rows written, one twice
SELECT g.id, g.v, h.id, h.w FROM ${t} g JOIN ${t}2 h ON h.gen_id = g.id WHERE g.v >= 0 AND g.id BETWEEN 35 AND 37 ORDER BY g.id
UPDATE ${t} SET v = 35 WHERE id = 35
UPDATE ${t} SET v = 36 WHERE id = 35
UPDATE ${t}2 SET w = 36 WHERE id = 36
--@commit
SELECT g.id, g.v, h.w FROM ${t} g JOIN ${t}2 h ON h.gen_id = g.id WHERE g.id BETWEEN 35 AND 37 ORDER BY g.id

-- case outer join whose other side is missing, that row inserted, then written
SELECT g.id, g.v, h.id, h.w FROM ${t} g LEFT JOIN ${t}2 h ON h.id = g.id + 100 WHERE g.id = 38
INSERT INTO ${t}2 (id, gen_id, w) VALUES (138, 38, 1)
UPDATE ${t}2 SET w = 2 WHERE id = 138
--@commit
SELECT * FROM ${t}2 WHERE id = 138

-- case claim by another column, written by key
SELECT id, v, note FROM ${t} WHERE note = 'n' AND id BETWEEN 39 AND 40 ORDER BY id LIMIT 1
UPDATE ${t} SET note = 'claimed' WHERE id = 39
--@commit
SELECT * FROM ${t} WHERE id BETWEEN 39 AND 40 ORDER BY id

-- case list read of the whole table, an early and a late row written
SELECT * FROM ${t} ORDER BY id
UPDATE ${t} SET v = 40 WHERE id = 40
UPDATE ${t} SET v = 60 WHERE id = 60
--@commit
SELECT * FROM ${t} WHERE id IN (40, 60) ORDER BY id

-- case three reads of one row with different columns, then a write
SELECT id, v FROM ${t} WHERE id = 41
SELECT id, note FROM ${t} WHERE note = 'n' AND id = 41
SELECT g.id, g.note FROM ${t} g JOIN ${t}2 h ON h.gen_id = g.id WHERE h.id = 41
UPDATE ${t} SET v = 41, note = 'x' WHERE id = 41
--@commit
SELECT * FROM ${t} WHERE id = 41

-- case list read, own write of a row, read through a join, written
SELECT id, v FROM ${t} WHERE v >= 0 AND id BETWEEN 42 AND 43 ORDER BY id
UPDATE ${t} SET v = v + 1 WHERE id = 42
SELECT g.id, g.v FROM ${t} g JOIN ${t}2 h ON h.gen_id = g.id WHERE h.w >= 0 AND g.id = 42
UPDATE ${t} SET v = 10 WHERE id = 42
UPDATE ${t} SET v = 10 WHERE id = 43
--@commit
SELECT * FROM ${t} WHERE id BETWEEN 42 AND 43 ORDER BY id

-- case self-join read, both rows written
SELECT a.id, a.v, b.id, b.v FROM ${t} a JOIN ${t} b ON b.id = a.id + 1 WHERE a.id = 44
UPDATE ${t} SET v = 45 WHERE id = 45
UPDATE ${t} SET v = 44 WHERE id = 44
--@commit
SELECT * FROM ${t} WHERE id BETWEEN 44 AND 45 ORDER BY id

-- case sql transaction: a read in autocommit, another session's change, then BEGIN and a write of the row
--@autocommit on
INSERT INTO ${t} VALUES (61, 0, 'n'), (62, 0, 'n'), (63, 0, 'n'), (64, 0, 'n')
SELECT id, v, note FROM ${t} WHERE id = 61
--@other UPDATE ${t} SET v = 99 WHERE id = 61
BEGIN
UPDATE ${t} SET note = 'in' WHERE id = 61
SELECT id, v, note FROM ${t} WHERE id = 61
COMMIT
--@autocommit off
SELECT * FROM ${t} WHERE id = 61
--@commit

-- case sql transaction: reads inside it guard its writes, and end at its COMMIT
--@autocommit on
BEGIN
SELECT id, v, note FROM ${t} WHERE id = 62
UPDATE ${t} SET v = 1 WHERE id = 62
SELECT id, v, note FROM ${t} WHERE id = 62
COMMIT
--@other UPDATE ${t} SET v = 99 WHERE id = 62
UPDATE ${t} SET note = 'after' WHERE id = 62
--@autocommit off
SELECT * FROM ${t} WHERE id = 62
--@commit

-- case sql transaction: rolled back in SQL, then the row written in autocommit and in the next one
--@autocommit on
BEGIN
SELECT id, v FROM ${t} WHERE id = 63
UPDATE ${t} SET v = 5 WHERE id = 63
ROLLBACK
SELECT id, v, note FROM ${t} WHERE id = 64
BEGIN
--@other UPDATE ${t} SET note = 'other' WHERE id = 64
UPDATE ${t} SET v = 7 WHERE id = 63
UPDATE ${t} SET v = 7 WHERE id = 64
COMMIT
--@autocommit off
SELECT * FROM ${t} WHERE id BETWEEN 63 AND 64 ORDER BY id
--@commit
