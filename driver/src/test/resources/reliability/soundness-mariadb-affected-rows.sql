-- The guard's soundness on MariaDB with useAffectedRows=true: an UPDATE that leaves a row as it was counts 0
-- rows, which is no lost race.
-- case setup
CREATE TABLE acc (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))
INSERT INTO acc SELECT seq, 0, 'n' FROM seq_1_to_20
--@autocommit off

-- case same values written again
SELECT id, v, note FROM acc WHERE id = 1
UPDATE acc SET v = 0 WHERE id = 1
--@commit
SELECT * FROM acc WHERE id = 1

-- case same values written again, prepared
--@prepared
SELECT id, v, note FROM acc WHERE id = 2
--@prepared
UPDATE acc SET v = 0, note = 'n' WHERE id = 2
--@commit
SELECT * FROM acc WHERE id = 2

-- case same values on a row read by its key only
SELECT id FROM acc WHERE id = 3
UPDATE acc SET v = 0 WHERE id = 3
--@commit
SELECT * FROM acc WHERE id = 3

-- case changed values
SELECT id, v, note FROM acc WHERE id = 4
UPDATE acc SET v = 1 WHERE id = 4
--@commit
SELECT * FROM acc WHERE id = 4

-- case same values in autocommit
--@autocommit on
SELECT id, v, note FROM acc WHERE id = 5
UPDATE acc SET v = 0 WHERE id = 5
--@autocommit off
SELECT * FROM acc WHERE id = 5

-- case same values after another session's change in autocommit
--@autocommit on
SELECT id, v, note FROM acc WHERE id = 6
--@other UPDATE acc SET note = 'x' WHERE id = 6
--@autocommit off
UPDATE acc SET v = 0 WHERE id = 6
--@commit
SELECT * FROM acc WHERE id = 6
