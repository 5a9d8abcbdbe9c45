-- Differential corpus for SQLite: every statement runs, in order, on a raw jdbc:sqlite: database and on a
-- jdbc:safe:sqlite: one; results, update counts and errors must be identical. One statement per line;
-- '--@' lines are directives (autocommit on/off, commit, rollback, prepared = next statement via prepareStatement).
-- == DDL
CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER NOT NULL DEFAULT 0, price REAL, note TEXT)
CREATE TABLE accounts (code TEXT PRIMARY KEY, owner TEXT UNIQUE, balance NUMERIC, opened TEXT)
CREATE TABLE pairs (a INTEGER NOT NULL, b INTEGER NOT NULL, val TEXT, PRIMARY KEY (a, b))
CREATE TABLE events (id INTEGER PRIMARY KEY, day DATE, at DATETIME, ts TIMESTAMP, flag BOOLEAN, data BLOB, amount DECIMAL(10,2))
CREATE TABLE nokey (k INTEGER, v TEXT)
CREATE TABLE "Mixed Case" ("Id" INTEGER PRIMARY KEY, "Value" TEXT, Other TEXT)
CREATE TABLE kw ("order" INTEGER PRIMARY KEY, "select" TEXT, "group" INTEGER)
CREATE TABLE emails (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, n INTEGER)
CREATE TABLE versions (id INTEGER PRIMARY KEY, status TEXT NOT NULL, version INTEGER NOT NULL, counter INTEGER NOT NULL DEFAULT 0)
CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, what TEXT, item INTEGER)
CREATE TABLE strict_t (id INTEGER PRIMARY KEY, n INTEGER, t TEXT) STRICT
CREATE TABLE wr (id INTEGER PRIMARY KEY, v TEXT) WITHOUT ROWID
CREATE TABLE checks (id INTEGER PRIMARY KEY, n INTEGER CHECK (n >= 0))
CREATE TABLE children (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES items(id), label TEXT)
CREATE INDEX items_name ON items (name)
CREATE UNIQUE INDEX pairs_val ON pairs (val)
CREATE INDEX nokey_k ON nokey (k)
CREATE VIEW cheap AS SELECT id, name, price FROM items WHERE price < 10
CREATE TRIGGER items_audit AFTER UPDATE OF qty ON items BEGIN INSERT INTO audit (what, item) VALUES ('qty', NEW.id); END
CREATE TABLE IF NOT EXISTS items (x INTEGER)
CREATE TABLE items (x INTEGER)
ALTER TABLE items ADD COLUMN extra TEXT DEFAULT 'e'
ALTER TABLE nokey RENAME TO nokey2
ALTER TABLE nokey2 RENAME TO nokey
ALTER TABLE nokey RENAME COLUMN v TO val
CREATE TEMP TABLE scratch (id INTEGER PRIMARY KEY, v TEXT)
DROP TABLE IF EXISTS not_there
DROP TABLE not_there
DROP INDEX IF EXISTS no_such_index
-- == data
INSERT INTO items (id, name, qty, price, note) VALUES (1, 'apple', 0, 0.34, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (2, 'pear', 1, 26.48, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (3, 'date', 0, 21.53, 'note 3')
INSERT INTO items (id, name, qty, price, note) VALUES (4, 'plum', 3, 26.86, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (5, 'apple', 16, 7.94, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (6, 'plum', 11, 24.39, 'note 6')
INSERT INTO items (id, name, qty, price, note) VALUES (7, 'emoji 🍏', 10, 25.39, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (8, 'fig', 19, 8.06, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (9, 'melon', 0, 9.94, 'note 9')
INSERT INTO items (id, name, qty, price, note) VALUES (10, 'o''neil', 4, 25.95, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (11, 'apple', 6, NULL, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (12, 'Ünïcödé', 11, 5.56, 'note 12')
INSERT INTO items (id, name, qty, price, note) VALUES (13, '漢字', 17, 29.22, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (14, 'lime', 13, 20.14, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (15, '', 1, 17.32, 'note 15')
INSERT INTO items (id, name, qty, price, note) VALUES (16, 'grape', 19, 22.77, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (17, 'Ünïcödé', 12, 22.33, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (18, '漢字', 0, 20.26, 'note 18')
INSERT INTO items (id, name, qty, price, note) VALUES (19, 'emoji 🍏', 0, 22.63, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (20, 'date', 15, 21.71, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (21, 'berry', 5, 23.97, 'note 21')
INSERT INTO items (id, name, qty, price, note) VALUES (22, 'apple', 10, NULL, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (23, 'plum', 4, 0.98, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (24, 'lime', 8, 2.60, 'note 24')
INSERT INTO items (id, name, qty, price, note) VALUES (25, 'date', 5, 25.90, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (26, '', 2, 18.78, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (27, 'berry', 2, 12.11, 'note 27')
INSERT INTO items (id, name, qty, price, note) VALUES (28, 'emoji 🍏', 3, 27.34, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (29, 'lime', 3, 8.46, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (30, 'grape', 16, 1.03, 'note 30')
INSERT INTO items (id, name, qty, price, note) VALUES (31, 'berry', 13, 25.25, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (32, 'grape', 10, 14.02, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (33, 'fig', 15, NULL, 'note 33')
INSERT INTO items (id, name, qty, price, note) VALUES (34, 'pear', 16, 17.03, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (35, 'kiwi', 9, 27.56, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (36, '', 11, 1.63, 'note 36')
INSERT INTO items (id, name, qty, price, note) VALUES (37, 'berry', 10, 4.48, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (38, 'emoji 🍏', 13, 13.10, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (39, 'fig', 12, 6.00, 'note 39')
INSERT INTO items (id, name, qty, price, note) VALUES (40, 'melon', 18, 2.50, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (41, 'lime', 15, 21.47, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (42, '漢字', 6, 6.89, 'note 42')
INSERT INTO items (id, name, qty, price, note) VALUES (43, 'melon', 7, 26.11, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (44, 'Ünïcödé', 9, NULL, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (45, 'apple', 10, 24.36, 'note 45')
INSERT INTO items (id, name, qty, price, note) VALUES (46, 'date', 12, 12.21, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (47, 'grape', 13, 29.28, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (48, 'apple', 12, 29.16, 'note 48')
INSERT INTO items (id, name, qty, price, note) VALUES (49, 'Ünïcödé', 0, 24.86, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (50, 'kiwi', 5, 20.35, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (51, '', 19, 0.71, 'note 51')
INSERT INTO items (id, name, qty, price, note) VALUES (52, 'kiwi', 12, 10.59, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (53, 'grape', 4, 21.87, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (54, 'emoji 🍏', 8, 1.62, 'note 54')
INSERT INTO items (id, name, qty, price, note) VALUES (55, 'fig', 0, NULL, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (56, 'date', 17, 2.01, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (57, 'kiwi', 9, 10.71, 'note 57')
INSERT INTO items (id, name, qty, price, note) VALUES (58, 'Ünïcödé', 0, 22.22, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (59, 'emoji 🍏', 6, 28.69, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (60, 'pear', 2, 27.99, 'note 60')
INSERT INTO items (id, name, qty) VALUES (61, 'a', 1), (62, 'b', 2), (63, 'c', 3)
INSERT INTO items (name, qty) VALUES ('auto', 5)
INSERT INTO items DEFAULT VALUES
INSERT INTO items (id, name) VALUES (1, 'duplicate')
INSERT INTO items (id, qty) VALUES (500, 1)
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A1', 'owner1', 687.11, '2024-02-11')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A2', 'owner2', 824.05, '2024-03-12')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A3', 'owner3', 36.82, '2024-04-13')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A4', 'owner4', 544.49, '2024-05-14')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A5', 'owner5', 43.22, '2024-06-15')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A6', 'owner6', 537.30, '2024-07-16')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A7', 'owner7', 346.43, '2024-08-17')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A8', 'owner8', 289.74, '2024-09-18')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A9', 'owner9', 836.24, '2024-01-19')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A10', 'owner10', 873.11, '2024-02-10')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A11', 'owner11', 100.54, '2024-03-11')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A12', 'owner12', 308.26, '2024-04-12')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A13', 'owner13', 569.95, '2024-05-13')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A14', 'owner14', 500.00, '2024-06-14')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A15', 'owner15', 123.89, '2024-07-15')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A16', 'owner16', 696.62, '2024-08-16')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A17', 'owner17', 793.60, '2024-09-17')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A18', 'owner18', 555.88, '2024-01-18')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A19', 'owner19', 352.76, '2024-02-19')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A20', 'owner20', 946.25, '2024-03-10')
INSERT INTO pairs (a, b, val) VALUES (1, 1, 'v1_1')
INSERT INTO pairs (a, b, val) VALUES (1, 2, 'v1_2')
INSERT INTO pairs (a, b, val) VALUES (1, 3, 'v1_3')
INSERT INTO pairs (a, b, val) VALUES (1, 4, 'v1_4')
INSERT INTO pairs (a, b, val) VALUES (1, 5, 'v1_5')
INSERT INTO pairs (a, b, val) VALUES (2, 1, 'v2_1')
INSERT INTO pairs (a, b, val) VALUES (2, 2, 'v2_2')
INSERT INTO pairs (a, b, val) VALUES (2, 3, 'v2_3')
INSERT INTO pairs (a, b, val) VALUES (2, 4, 'v2_4')
INSERT INTO pairs (a, b, val) VALUES (2, 5, 'v2_5')
INSERT INTO pairs (a, b, val) VALUES (3, 1, 'v3_1')
INSERT INTO pairs (a, b, val) VALUES (3, 2, 'v3_2')
INSERT INTO pairs (a, b, val) VALUES (3, 3, 'v3_3')
INSERT INTO pairs (a, b, val) VALUES (3, 4, 'v3_4')
INSERT INTO pairs (a, b, val) VALUES (3, 5, 'v3_5')
INSERT INTO pairs (a, b, val) VALUES (4, 1, 'v4_1')
INSERT INTO pairs (a, b, val) VALUES (4, 2, 'v4_2')
INSERT INTO pairs (a, b, val) VALUES (4, 3, 'v4_3')
INSERT INTO pairs (a, b, val) VALUES (4, 4, 'v4_4')
INSERT INTO pairs (a, b, val) VALUES (4, 5, 'v4_5')
INSERT INTO pairs (a, b, val) VALUES (5, 1, 'v5_1')
INSERT INTO pairs (a, b, val) VALUES (5, 2, 'v5_2')
INSERT INTO pairs (a, b, val) VALUES (5, 3, 'v5_3')
INSERT INTO pairs (a, b, val) VALUES (5, 4, 'v5_4')
INSERT INTO pairs (a, b, val) VALUES (5, 5, 'v5_5')
INSERT INTO events (id, day, at, ts, flag, data, amount) VALUES (1, '2024-01-15', '2024-01-15 10:01:00', 1700000001000, 1, X'01fe', 3.01)
INSERT INTO events (id, day, at, ts, flag, data, amount) VALUES (2, '2024-02-15', '2024-02-15 10:02:00', 1700000002000, 0, X'02fd', 6.02)
INSERT INTO events (id, day, at, ts, flag, data, amount) VALUES (3, '2024-03-15', '2024-03-15 10:03:00', 1700000003000, 1, X'03fc', 9.03)
INSERT INTO events (id, day, at, ts, flag, data, amount) VALUES (4, '2024-04-15', '2024-04-15 10:04:00', 1700000004000, 0, X'04fb', 12.04)
INSERT INTO events (id, day, at, ts, flag, data, amount) VALUES (5, '2024-05-15', '2024-05-15 10:05:00', 1700000005000, 1, X'05fa', 15.05)
INSERT INTO events (id, day, at, ts, flag, data, amount) VALUES (6, '2024-06-15', '2024-06-15 10:06:00', 1700000006000, 0, X'06f9', 18.06)
INSERT INTO events (id, day, at, ts, flag, data, amount) VALUES (7, '2024-07-15', '2024-07-15 10:07:00', 1700000007000, 1, X'07f8', 21.07)
INSERT INTO events (id, day, at, ts, flag, data, amount) VALUES (8, '2024-08-15', '2024-08-15 10:08:00', 1700000008000, 0, X'08f7', 24.08)
INSERT INTO events (id, day, at, ts, flag, data, amount) VALUES (9, '2024-09-15', '2024-09-15 10:09:00', 1700000009000, 1, X'09f6', 27.09)
INSERT INTO events (id, day, at, ts, flag, data, amount) VALUES (10, '2024-10-15', '2024-10-15 10:10:00', 1700000010000, 0, X'0af5', 30.10)
INSERT INTO events (id, day, at, ts, flag, data, amount) VALUES (11, '2024-11-15', '2024-11-15 10:11:00', 1700000011000, 1, X'0bf4', 33.11)
INSERT INTO events (id, day, at, ts, flag, data, amount) VALUES (12, '2024-12-15', '2024-12-15 10:12:00', 1700000012000, 0, X'0cf3', 36.12)
INSERT INTO events (id, day, at) VALUES (13, NULL, NULL)
INSERT INTO nokey (k, val) VALUES (1, 'n1')
INSERT INTO nokey (k, val) VALUES (2, 'n2')
INSERT INTO nokey (k, val) VALUES (3, 'n3')
INSERT INTO nokey (k, val) VALUES (4, 'n4')
INSERT INTO nokey (k, val) VALUES (5, 'n5')
INSERT INTO nokey (k, val) VALUES (6, 'n6')
INSERT INTO nokey (k, val) VALUES (0, 'n7')
INSERT INTO nokey (k, val) VALUES (1, 'n8')
INSERT INTO nokey (k, val) VALUES (2, 'n9')
INSERT INTO nokey (k, val) VALUES (3, 'n10')
INSERT INTO nokey (k, val) VALUES (4, 'n11')
INSERT INTO nokey (k, val) VALUES (5, 'n12')
INSERT INTO nokey (k, val) VALUES (6, 'n13')
INSERT INTO nokey (k, val) VALUES (0, 'n14')
INSERT INTO nokey (k, val) VALUES (1, 'n15')
INSERT INTO nokey (k, val) VALUES (2, 'n16')
INSERT INTO nokey (k, val) VALUES (3, 'n17')
INSERT INTO nokey (k, val) VALUES (4, 'n18')
INSERT INTO nokey (k, val) VALUES (5, 'n19')
INSERT INTO nokey (k, val) VALUES (6, 'n20')
INSERT INTO nokey (k, val) VALUES (0, 'n21')
INSERT INTO nokey (k, val) VALUES (1, 'n22')
INSERT INTO nokey (k, val) VALUES (2, 'n23')
INSERT INTO nokey (k, val) VALUES (3, 'n24')
INSERT INTO nokey (k, val) VALUES (4, 'n25')
INSERT INTO nokey (k, val) VALUES (5, 'n26')
INSERT INTO nokey (k, val) VALUES (6, 'n27')
INSERT INTO nokey (k, val) VALUES (0, 'n28')
INSERT INTO nokey (k, val) VALUES (1, 'n29')
INSERT INTO nokey (k, val) VALUES (2, 'n30')
INSERT INTO "Mixed Case" ("Id", "Value", Other) VALUES (1, 'one', 'x'), (2, 'two', 'y'), (3, NULL, 'z')
INSERT INTO kw ("order", "select", "group") VALUES (1, 's1', 10), (2, 's2', 20), (3, 's3', 30)
INSERT INTO emails (id, email, n) VALUES (1, 'user1@example.com', 2)
INSERT INTO emails (id, email, n) VALUES (2, 'user2@example.com', 4)
INSERT INTO emails (id, email, n) VALUES (3, 'user3@example.com', 6)
INSERT INTO emails (id, email, n) VALUES (4, 'user4@example.com', 8)
INSERT INTO emails (id, email, n) VALUES (5, 'user5@example.com', 10)
INSERT INTO emails (id, email, n) VALUES (6, 'user6@example.com', 12)
INSERT INTO emails (id, email, n) VALUES (7, 'user7@example.com', 14)
INSERT INTO emails (id, email, n) VALUES (8, 'user8@example.com', 16)
INSERT INTO emails (id, email, n) VALUES (9, 'user9@example.com', 18)
INSERT INTO emails (id, email, n) VALUES (10, 'user10@example.com', 20)
INSERT INTO emails (id, email, n) VALUES (11, 'user11@example.com', 22)
INSERT INTO emails (id, email, n) VALUES (12, 'user12@example.com', 24)
INSERT INTO emails (id, email, n) VALUES (13, 'user13@example.com', 26)
INSERT INTO emails (id, email, n) VALUES (14, 'user14@example.com', 28)
INSERT INTO emails (id, email, n) VALUES (15, 'user15@example.com', 30)
INSERT INTO versions (id, status, version) VALUES (1, 'RUNNING', 1)
INSERT INTO versions (id, status, version) VALUES (2, 'RUNNING', 1)
INSERT INTO versions (id, status, version) VALUES (3, 'RUNNING', 1)
INSERT INTO versions (id, status, version) VALUES (4, 'RUNNING', 1)
INSERT INTO versions (id, status, version) VALUES (5, 'RUNNING', 1)
INSERT INTO versions (id, status, version) VALUES (6, 'RUNNING', 1)
INSERT INTO versions (id, status, version) VALUES (7, 'RUNNING', 1)
INSERT INTO versions (id, status, version) VALUES (8, 'RUNNING', 1)
INSERT INTO versions (id, status, version) VALUES (9, 'RUNNING', 1)
INSERT INTO versions (id, status, version) VALUES (10, 'RUNNING', 1)
INSERT INTO strict_t VALUES (1, 1, 't')
INSERT INTO strict_t VALUES (2, 'not a number', 't')
INSERT INTO wr VALUES (1, 'a'), (2, 'b')
INSERT INTO checks VALUES (1, 5)
INSERT INTO checks VALUES (2, -1)
INSERT INTO children VALUES (1, 1, 'c1'), (2, 2, 'c2'), (3, 99, 'orphan')
INSERT INTO audit (what, item) SELECT 'seed', id FROM items WHERE id <= 3
-- == queries
SELECT * FROM items ORDER BY id
SELECT id, name, qty, price, note FROM items WHERE qty > 10 ORDER BY qty DESC, id
SELECT count(*), sum(qty), avg(price), min(name), max(name), total(price) FROM items
SELECT name, count(*) AS n, sum(qty) FROM items GROUP BY name HAVING count(*) > 1 ORDER BY n DESC, name
SELECT * FROM items LIMIT 5 OFFSET 10
SELECT DISTINCT name FROM items ORDER BY name
SELECT i.id, i.name, c.label FROM items i JOIN children c ON c.parent = i.id ORDER BY i.id
SELECT i.id, c.label FROM children c LEFT JOIN items i ON c.parent = i.id ORDER BY c.id
SELECT a.code, b.code FROM accounts a CROSS JOIN accounts b WHERE a.code < b.code AND a.balance > b.balance ORDER BY 1, 2 LIMIT 20
SELECT id, CASE WHEN qty > 10 THEN 'many' WHEN qty > 0 THEN 'some' ELSE 'none' END FROM items ORDER BY id
SELECT coalesce(price, -1), ifnull(note, 'none'), nullif(qty, 0) FROM items ORDER BY id LIMIT 15
SELECT upper(name), lower(name), length(name), substr(name, 2, 3), replace(name, 'a', 'A'), trim('  x  '), instr(name, 'e') FROM items ORDER BY id LIMIT 20
SELECT name || '-' || qty, printf('%05d|%.3f|%s', qty, price, name) FROM items ORDER BY id LIMIT 20
SELECT typeof(id), typeof(name), typeof(price), typeof(note), typeof(data) FROM items LEFT JOIN events USING (id) ORDER BY id LIMIT 15
SELECT abs(-5), round(2.5), round(3.14159, 2), 7 / 2, 7 % 3, 7.0 / 2, -7 / 2, 1 << 4, 255 & 15, 5 | 2, ~5
SELECT 9223372036854775807, -9223372036854775808, 9223372036854775807 + 1, 1e308 * 10, 0.1 + 0.2
SELECT 1 / 0, 1.0 / 0, 0 / 0.0
SELECT CAST('12abc' AS INTEGER), CAST(3.99 AS INTEGER), CAST(12 AS TEXT), CAST('1e3' AS REAL), CAST(X'41' AS TEXT)
SELECT hex('abc'), quote('it''s'), quote(NULL), unicode('é'), char(72, 105), zeroblob(3), length(randomblob(0))
SELECT id FROM items WHERE name LIKE 'p%' ORDER BY id
SELECT id FROM items WHERE name GLOB '*e*' ORDER BY id
SELECT id FROM items WHERE name LIKE 'P%' ESCAPE '\' ORDER BY id
SELECT id FROM items WHERE id IN (1, 3, 5, 7) ORDER BY id
SELECT id FROM items WHERE id IN (SELECT parent FROM children) ORDER BY id
SELECT id FROM items i WHERE EXISTS (SELECT 1 FROM children c WHERE c.parent = i.id) ORDER BY id
SELECT id FROM items WHERE price BETWEEN 5 AND 15 ORDER BY id
SELECT id FROM items WHERE note IS NULL AND price IS NOT NULL ORDER BY id LIMIT 10
SELECT id, name FROM items UNION SELECT id, email FROM emails ORDER BY 1, 2
SELECT id FROM items INTERSECT SELECT id FROM emails ORDER BY 1
SELECT id FROM items EXCEPT SELECT id FROM emails ORDER BY 1
SELECT id FROM items UNION ALL SELECT id FROM emails ORDER BY 1 LIMIT 40
VALUES (1, 'a'), (2, 'b'), (3, NULL)
SELECT * FROM (VALUES (3), (1), (2)) ORDER BY 1
SELECT date('2024-02-28', '+1 day'), datetime('2024-01-01 00:00:00', '+90 minutes'), strftime('%Y-%W', '2024-06-30'), julianday('2024-01-01') - julianday('2023-01-01')
SELECT json_object('a', 1, 'b', 'two'), json_array(1, 2, 'x'), json_extract('{"a":{"b":[1,2,3]}}', '$.a.b[1]'), json_valid('{')
SELECT key, value FROM json_each('{"x":1,"y":[2,3]}') ORDER BY key
SELECT group_concat(name, ';') FROM (SELECT name FROM items ORDER BY id LIMIT 10)
SELECT count(*) FILTER (WHERE qty > 5), count(*) FILTER (WHERE price IS NULL) FROM items
SELECT iif(qty > 5, 'hi', 'lo'), min(3, 1, 2), max('a', 'b') FROM items ORDER BY id LIMIT 5
SELECT * FROM cheap ORDER BY id
SELECT * FROM "Mixed Case" ORDER BY "Id"
SELECT "order", "select", "group" FROM kw ORDER BY "order"
SELECT * FROM pairs WHERE a = 2 ORDER BY b
SELECT * FROM events ORDER BY id
SELECT id, day, at, ts, flag, hex(data), amount, typeof(day), typeof(amount) FROM events ORDER BY id
SELECT * FROM audit ORDER BY seq
SELECT * FROM strict_t ORDER BY id
SELECT * FROM wr ORDER BY id
SELECT * FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name
SELECT name, sql FROM sqlite_master WHERE name = 'items'
SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('table') AND name NOT LIKE 'sqlite%' ORDER BY name
SELECT name FROM pragma_table_info('items') ORDER BY cid
PRAGMA table_info(items)
PRAGMA index_list(pairs)
PRAGMA foreign_keys
PRAGMA user_version = 7
PRAGMA user_version
EXPLAIN QUERY PLAN SELECT * FROM items WHERE name = 'apple'
SELECT sqlite_version() IS NOT NULL
SELECT * FROM items WHERE id = 1 /* a comment */
-- only a comment
SELECT 1; 
SELECT 1; SELECT 2
select ID, NAME from ITEMS where ID = 2
-- == CTEs and window functions
WITH RECURSIVE cnt(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM cnt WHERE x < 25) SELECT x, x * x FROM cnt
WITH RECURSIVE fib(a, b, n) AS (SELECT 0, 1, 0 UNION ALL SELECT b, a + b, n + 1 FROM fib WHERE n < 40) SELECT n, a FROM fib
WITH big AS (SELECT * FROM items WHERE qty > 10), small AS (SELECT * FROM items WHERE qty <= 10) SELECT (SELECT count(*) FROM big), (SELECT count(*) FROM small)
WITH t(a, b) AS (VALUES (1, 2), (3, 4)) SELECT a + b FROM t ORDER BY 1
WITH x AS MATERIALIZED (SELECT id FROM items WHERE id < 5) SELECT * FROM x ORDER BY id
SELECT id, qty, row_number() OVER (ORDER BY qty, id), rank() OVER (ORDER BY qty), dense_rank() OVER (ORDER BY qty) FROM items ORDER BY id
SELECT id, qty, sum(qty) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM items ORDER BY id
SELECT id, lag(qty) OVER (ORDER BY id), lead(qty, 2, -1) OVER (ORDER BY id), first_value(name) OVER (ORDER BY id), last_value(name) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM items ORDER BY id
SELECT name, id, ntile(3) OVER (PARTITION BY name ORDER BY id), percent_rank() OVER (PARTITION BY name ORDER BY id), cume_dist() OVER (ORDER BY id) FROM items ORDER BY name, id
SELECT id, avg(price) OVER w, count(*) OVER w FROM items WINDOW w AS (ORDER BY id RANGE BETWEEN 3 PRECEDING AND 3 FOLLOWING) ORDER BY id
SELECT a, b, sum(b) OVER (PARTITION BY a ORDER BY b GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) FROM pairs ORDER BY a, b
SELECT nth_value(name, 3) OVER (ORDER BY id) FROM items ORDER BY id LIMIT 6
-- == DML
UPDATE items SET qty = qty + 1 WHERE id <= 5
UPDATE items SET price = price * 1.1 WHERE price IS NOT NULL AND id BETWEEN 10 AND 20
UPDATE items SET note = 'bulk' WHERE name = 'apple'
UPDATE nokey SET val = val || '!' WHERE k = 3
DELETE FROM nokey WHERE k = 6
DELETE FROM items WHERE id = 999
UPDATE items SET qty = -qty WHERE id = 999
INSERT INTO audit (what, item) SELECT 'copy', id FROM items WHERE qty > 15
INSERT OR IGNORE INTO items (id, name) VALUES (2, 'ignored')
INSERT OR REPLACE INTO items (id, name, qty) VALUES (3, 'replaced', 33)
REPLACE INTO items (id, name, qty) VALUES (4, 'replaced4', 44)
INSERT INTO items (id, name, qty) VALUES (5, 'upsert', 1) ON CONFLICT (id) DO UPDATE SET qty = qty + excluded.qty
INSERT INTO items (id, name, qty) VALUES (6, 'upsert', 1) ON CONFLICT (id) DO NOTHING
INSERT INTO items (id, name, qty) VALUES (700, 'upsert-new', 1) ON CONFLICT (id) DO UPDATE SET qty = 0
INSERT INTO emails (id, email, n) VALUES (100, 'user1@example.com', 0) ON CONFLICT (email) DO UPDATE SET n = n + 100
INSERT INTO items (id, name, qty) VALUES (701, 'ret', 7) RETURNING id, name, qty
UPDATE items SET qty = 70 WHERE id = 701 RETURNING qty, name
DELETE FROM items WHERE id = 701 RETURNING *
UPDATE items SET qty = (SELECT count(*) FROM children WHERE parent = items.id) WHERE id IN (1, 2)
UPDATE items SET qty = c.n FROM (SELECT parent, count(*) AS n FROM children GROUP BY parent) AS c WHERE c.parent = items.id
UPDATE OR IGNORE emails SET email = 'user2@example.com' WHERE id = 3
UPDATE emails SET email = 'user2@example.com' WHERE id = 3
UPDATE checks SET n = -5 WHERE id = 1
DELETE FROM children WHERE label = 'orphan'
WITH doomed AS (SELECT id FROM audit WHERE what = 'copy') DELETE FROM audit WHERE seq IN (SELECT seq FROM audit WHERE what = 'copy' ORDER BY seq LIMIT 2)
INSERT INTO scratch (v) SELECT name FROM items ORDER BY id LIMIT 5
SELECT * FROM scratch ORDER BY id
SELECT v FROM scratch WHERE id = 2
UPDATE scratch SET v = 'temp' WHERE id = 2
SELECT v FROM scratch WHERE id = 2
SELECT changes(), total_changes() > 0
SELECT last_insert_rowid() > 0
-- == keyed read, then write of the same key (what the guard acts on); single-threaded, nothing may differ
SELECT * FROM items WHERE id = 7
UPDATE items SET name = 'renamed7', price = NULL WHERE id = 7
SELECT qty AS q, price AS p FROM items WHERE id = 8
UPDATE items SET note = 'seen' WHERE id = 8
SELECT id, note FROM items WHERE id = 9
DELETE FROM items WHERE id = 9
SELECT count(*) FROM items WHERE id = 9
SELECT * FROM items WHERE id = 2010
INSERT INTO items (id, name, qty) VALUES (2010, 'fresh', 10)
SELECT items.qty FROM items WHERE items.id = 11
UPDATE items SET qty = 0 WHERE items.id = 11
SELECT name, qty FROM items WHERE id = 12
UPDATE items SET qty = 6 WHERE id = 12
SELECT * FROM items WHERE id = 13
UPDATE items SET name = 'renamed13', price = NULL WHERE id = 13
SELECT qty AS q, price AS p FROM items WHERE id = 14
UPDATE items SET note = 'seen' WHERE id = 14
SELECT id, note FROM items WHERE id = 15
DELETE FROM items WHERE id = 15
SELECT count(*) FROM items WHERE id = 15
SELECT * FROM items WHERE id = 2016
INSERT INTO items (id, name, qty) VALUES (2016, 'fresh', 16)
SELECT items.qty FROM items WHERE items.id = 17
UPDATE items SET qty = 0 WHERE items.id = 17
SELECT name, qty FROM items WHERE id = 18
UPDATE items SET qty = 37 WHERE id = 18
SELECT * FROM items WHERE id = 19
UPDATE items SET name = 'renamed19', price = NULL WHERE id = 19
SELECT qty AS q, price AS p FROM items WHERE id = 20
UPDATE items SET note = 'seen' WHERE id = 20
SELECT id, note FROM items WHERE id = 21
DELETE FROM items WHERE id = 21
SELECT count(*) FROM items WHERE id = 21
SELECT * FROM items WHERE id = 2022
INSERT INTO items (id, name, qty) VALUES (2022, 'fresh', 22)
SELECT items.qty FROM items WHERE items.id = 23
UPDATE items SET qty = 0 WHERE items.id = 23
SELECT name, qty FROM items WHERE id = 24
UPDATE items SET qty = 16 WHERE id = 24
SELECT * FROM items WHERE id = 25
UPDATE items SET name = 'renamed25', price = NULL WHERE id = 25
SELECT qty AS q, price AS p FROM items WHERE id = 26
UPDATE items SET note = 'seen' WHERE id = 26
SELECT id, note FROM items WHERE id = 27
DELETE FROM items WHERE id = 27
SELECT count(*) FROM items WHERE id = 27
SELECT * FROM items WHERE id = 2028
INSERT INTO items (id, name, qty) VALUES (2028, 'fresh', 28)
SELECT items.qty FROM items WHERE items.id = 29
UPDATE items SET qty = 0 WHERE items.id = 29
SELECT name, qty FROM items WHERE id = 30
UPDATE items SET qty = 48 WHERE id = 30
SELECT * FROM items WHERE id = 31
UPDATE items SET name = 'renamed31', price = NULL WHERE id = 31
SELECT qty AS q, price AS p FROM items WHERE id = 32
UPDATE items SET note = 'seen' WHERE id = 32
SELECT id, note FROM items WHERE id = 33
DELETE FROM items WHERE id = 33
SELECT count(*) FROM items WHERE id = 33
SELECT * FROM items WHERE id = 2034
INSERT INTO items (id, name, qty) VALUES (2034, 'fresh', 34)
SELECT items.qty FROM items WHERE items.id = 35
UPDATE items SET qty = 0 WHERE items.id = 35
SELECT name, qty FROM items WHERE id = 36
UPDATE items SET qty = 24 WHERE id = 36
SELECT * FROM accounts WHERE owner = 'owner1'
UPDATE accounts SET balance = 0, opened = NULL WHERE owner = 'owner1'
SELECT code FROM accounts WHERE code = 'Z2'
INSERT INTO accounts (code, owner, balance) VALUES ('Z2', 'new2', 1.5)
SELECT balance, owner FROM accounts WHERE code = 'A3'
UPDATE accounts SET balance = balance - 1 WHERE code = 'A3'
SELECT * FROM accounts WHERE owner = 'owner4'
UPDATE accounts SET balance = 0, opened = NULL WHERE owner = 'owner4'
SELECT code FROM accounts WHERE code = 'Z5'
INSERT INTO accounts (code, owner, balance) VALUES ('Z5', 'new5', 1.5)
SELECT balance, owner FROM accounts WHERE code = 'A6'
UPDATE accounts SET balance = balance - 1 WHERE code = 'A6'
SELECT * FROM accounts WHERE owner = 'owner7'
UPDATE accounts SET balance = 0, opened = NULL WHERE owner = 'owner7'
SELECT code FROM accounts WHERE code = 'Z8'
INSERT INTO accounts (code, owner, balance) VALUES ('Z8', 'new8', 1.5)
SELECT balance, owner FROM accounts WHERE code = 'A9'
UPDATE accounts SET balance = balance - 1 WHERE code = 'A9'
SELECT * FROM accounts WHERE owner = 'owner10'
UPDATE accounts SET balance = 0, opened = NULL WHERE owner = 'owner10'
SELECT code FROM accounts WHERE code = 'Z11'
INSERT INTO accounts (code, owner, balance) VALUES ('Z11', 'new11', 1.5)
SELECT balance, owner FROM accounts WHERE code = 'A12'
UPDATE accounts SET balance = balance - 1 WHERE code = 'A12'
SELECT val FROM pairs WHERE a = 1 AND b = 2
UPDATE pairs SET val = 'w1' WHERE a = 1 AND b = 2
SELECT * FROM pairs WHERE b = 1 AND a = 6
INSERT INTO pairs (a, b, val) VALUES (6, 1, 'new1')
SELECT a, b FROM pairs WHERE val = 'v1_1'
DELETE FROM pairs WHERE val = 'v1_1'
SELECT val FROM pairs WHERE a = 2 AND b = 3
UPDATE pairs SET val = 'w2' WHERE a = 2 AND b = 3
SELECT * FROM pairs WHERE b = 2 AND a = 7
INSERT INTO pairs (a, b, val) VALUES (7, 2, 'new2')
SELECT a, b FROM pairs WHERE val = 'v2_1'
DELETE FROM pairs WHERE val = 'v2_1'
SELECT val FROM pairs WHERE a = 3 AND b = 4
UPDATE pairs SET val = 'w3' WHERE a = 3 AND b = 4
SELECT * FROM pairs WHERE b = 3 AND a = 8
INSERT INTO pairs (a, b, val) VALUES (8, 3, 'new3')
SELECT a, b FROM pairs WHERE val = 'v3_1'
DELETE FROM pairs WHERE val = 'v3_1'
SELECT * FROM events WHERE id = 1
UPDATE events SET at = '2025-01-01 00:00:00' WHERE id = 1
SELECT * FROM events WHERE id = 2
UPDATE events SET flag = 1 - flag WHERE id = 2
SELECT * FROM events WHERE id = 3
UPDATE events SET amount = amount + 1 WHERE id = 3
SELECT * FROM events WHERE id = 4
UPDATE events SET data = X'00' WHERE id = 4
SELECT * FROM events WHERE id = 5
UPDATE events SET ts = ts + 1 WHERE id = 5
SELECT * FROM events WHERE id = 6
UPDATE events SET day = '2025-01-01' WHERE id = 6
SELECT * FROM events WHERE id = 7
UPDATE events SET at = '2025-01-01 00:00:00' WHERE id = 7
SELECT * FROM events WHERE id = 8
UPDATE events SET flag = 1 - flag WHERE id = 8
SELECT * FROM events WHERE id = 9
UPDATE events SET amount = amount + 1 WHERE id = 9
SELECT * FROM events WHERE id = 10
UPDATE events SET data = X'00' WHERE id = 10
SELECT * FROM events WHERE id = 11
UPDATE events SET ts = ts + 1 WHERE id = 11
SELECT * FROM events WHERE id = 12
UPDATE events SET day = '2025-01-01' WHERE id = 12
SELECT day, at FROM events WHERE id = 13
UPDATE events SET day = '2020-01-01' WHERE id = 13
SELECT "Value", Other FROM "Mixed Case" WHERE "Id" = 1
UPDATE "Mixed Case" SET "Value" = 'uno' WHERE "Id" = 1
SELECT * FROM "Mixed Case" WHERE "Id" = 3
UPDATE "Mixed Case" SET Other = 'zz' WHERE "Id" = 3
SELECT "select", "group" FROM kw WHERE "order" = 2
UPDATE kw SET "select" = 'changed' WHERE "order" = 2
SELECT * FROM kw WHERE "order" = 9
INSERT INTO kw ("order", "select", "group") VALUES (9, 'nine', 90)
SELECT n FROM emails WHERE email = 'user1@example.com'
UPDATE emails SET n = 10 WHERE email = 'user1@example.com'
SELECT n FROM emails WHERE email = 'user2@example.com'
UPDATE emails SET n = 20 WHERE email = 'user2@example.com'
SELECT n FROM emails WHERE email = 'user3@example.com'
UPDATE emails SET n = 30 WHERE email = 'user3@example.com'
SELECT n FROM emails WHERE email = 'user4@example.com'
UPDATE emails SET n = 40 WHERE email = 'user4@example.com'
SELECT n FROM emails WHERE email = 'user5@example.com'
UPDATE emails SET n = 50 WHERE email = 'user5@example.com'
SELECT n FROM emails WHERE email = 'user6@example.com'
UPDATE emails SET n = 60 WHERE email = 'user6@example.com'
SELECT n FROM emails WHERE email = 'user7@example.com'
UPDATE emails SET n = 70 WHERE email = 'user7@example.com'
SELECT n FROM emails WHERE email = 'user8@example.com'
UPDATE emails SET n = 80 WHERE email = 'user8@example.com'
SELECT status, version FROM versions WHERE id = 1
UPDATE versions SET status = 'DONE', version = version + 1 WHERE id = 1 AND version = 1
SELECT status, counter FROM versions WHERE id = 6
UPDATE versions SET counter = counter + 1 WHERE id = 6
SELECT status, version FROM versions WHERE id = 2
UPDATE versions SET status = 'DONE', version = version + 1 WHERE id = 2 AND version = 1
SELECT status, counter FROM versions WHERE id = 7
UPDATE versions SET counter = counter + 1 WHERE id = 7
SELECT status, version FROM versions WHERE id = 3
UPDATE versions SET status = 'DONE', version = version + 1 WHERE id = 3 AND version = 1
SELECT status, counter FROM versions WHERE id = 8
UPDATE versions SET counter = counter + 1 WHERE id = 8
SELECT status, version FROM versions WHERE id = 4
UPDATE versions SET status = 'DONE', version = version + 1 WHERE id = 4 AND version = 1
SELECT status, counter FROM versions WHERE id = 9
UPDATE versions SET counter = counter + 1 WHERE id = 9
SELECT status, version FROM versions WHERE id = 5
UPDATE versions SET status = 'DONE', version = version + 1 WHERE id = 5 AND version = 1
SELECT status, counter FROM versions WHERE id = 10
UPDATE versions SET counter = counter + 1 WHERE id = 10
SELECT * FROM nokey WHERE k = 1
UPDATE nokey SET val = 'nk' WHERE k = 1
SELECT * FROM wr WHERE id = 1
UPDATE wr SET v = 'z' WHERE id = 1
SELECT * FROM strict_t WHERE id = 1
UPDATE strict_t SET t = 'u' WHERE id = 1
SELECT * FROM items WHERE id = 40
INSERT INTO items (id, name) VALUES (40, 'clash')
SELECT * FROM items WHERE id = 41 AND qty >= 0
UPDATE items SET qty = 1 WHERE id = 41
SELECT name FROM items WHERE id = '42'
UPDATE items SET qty = 2 WHERE id = '42'
SELECT name FROM items WHERE id = 43
UPDATE items SET qty = 3 WHERE id = 43 AND qty >= 0
SELECT name FROM items WHERE id = 44
UPDATE items SET qty = 4, name = name WHERE id = 44
SELECT count(*) FROM audit
-- == the same, inside transactions
--@autocommit off
SELECT * FROM items WHERE id = 45
DELETE FROM items WHERE id = 45
--@rollback
SELECT * FROM items WHERE id = 3046
INSERT INTO items (id, name, qty) VALUES (3046, 'tx', 1)
--@commit
SELECT name FROM items WHERE id = 47
UPDATE items SET name = 'tx47' WHERE id = 47
SELECT name FROM items WHERE id = 47
UPDATE items SET name = 'tx47-again' WHERE id = 47
--@commit
SELECT qty, price FROM items WHERE id = 48
UPDATE items SET qty = 48 WHERE id = 48
--@commit
SELECT * FROM items WHERE id = 49
DELETE FROM items WHERE id = 49
--@rollback
SELECT * FROM items WHERE id = 3050
INSERT INTO items (id, name, qty) VALUES (3050, 'tx', 1)
--@commit
SELECT name FROM items WHERE id = 51
UPDATE items SET name = 'tx51' WHERE id = 51
SELECT name FROM items WHERE id = 51
UPDATE items SET name = 'tx51-again' WHERE id = 51
--@commit
SELECT qty, price FROM items WHERE id = 52
UPDATE items SET qty = 52 WHERE id = 52
--@commit
SELECT * FROM items WHERE id = 53
DELETE FROM items WHERE id = 53
--@rollback
SELECT * FROM items WHERE id = 3054
INSERT INTO items (id, name, qty) VALUES (3054, 'tx', 1)
--@commit
SELECT name FROM items WHERE id = 55
UPDATE items SET name = 'tx55' WHERE id = 55
SELECT name FROM items WHERE id = 55
UPDATE items SET name = 'tx55-again' WHERE id = 55
--@commit
SELECT qty, price FROM items WHERE id = 56
UPDATE items SET qty = 56 WHERE id = 56
--@commit
SELECT * FROM accounts WHERE code = 'A15'
UPDATE accounts SET balance = 15 WHERE code = 'A15'
INSERT INTO items (id, name) VALUES (1, 'dup in tx')
--@rollback
--@prepared
SELECT * FROM items WHERE id = 57
--@prepared
UPDATE items SET qty = 57 WHERE id = 57
--@commit
SAVEPOINT sp1
UPDATE items SET qty = 0 WHERE id = 58
ROLLBACK TO sp1
RELEASE sp1
--@commit
--@autocommit on
SELECT id, qty, name FROM items WHERE id BETWEEN 40 AND 60 ORDER BY id
BEGIN
UPDATE items SET qty = 99 WHERE id = 59
COMMIT
BEGIN IMMEDIATE
ROLLBACK
COMMIT
-- == prepared statements (no parameters)
--@prepared
SELECT id, name, qty FROM items WHERE id = 60
--@prepared
UPDATE items SET qty = qty * 2 WHERE id = 60
--@prepared
SELECT id, name, qty FROM items WHERE id = 61
--@prepared
UPDATE items SET qty = qty * 2 WHERE id = 61
--@prepared
SELECT id, name, qty FROM items WHERE id = 62
--@prepared
UPDATE items SET qty = qty * 2 WHERE id = 62
--@prepared
SELECT id, name, qty FROM items WHERE id = 63
--@prepared
UPDATE items SET qty = qty * 2 WHERE id = 63
--@prepared
SELECT id, name, qty FROM items WHERE id = 64
--@prepared
UPDATE items SET qty = qty * 2 WHERE id = 64
--@prepared
SELECT id, name, qty FROM items WHERE id = 65
--@prepared
UPDATE items SET qty = qty * 2 WHERE id = 65
--@prepared
SELECT * FROM no_such_table
--@prepared
SELEC 1
-- == invalid SQL and constraint errors
UPDATE no_such SET a = 1 WHERE id = 1
SELECT * FROM no_such WHERE id = 1
UPDATE it ems SET qty = 6 WHERE id = 1
SELEC * FROM items
SELECT * FORM items
SELECT * FROM
SELECT (1
SELECT 1)
SELECT 'unterminated
SELECT * FROM no_such_table
SELECT no_such_column FROM items
INSERT INTO items VALUES (1)
INSERT INTO items (id) VALUES
UPDATE items SET WHERE id = 1
DELETE FROM
DELETE items WHERE id = 1
CREATE TABLE
CREATE TABLE t (
DROP TABLE
ALTER TABLE items DROP
INSERT INTO items (id, name) VALUES (2, 'dup')
INSERT INTO items (id, name) VALUES (NULL, NULL)
INSERT INTO checks VALUES (3, -3)
INSERT INTO emails (email) VALUES ('user5@example.com')
UPDATE emails SET email = 'user6@example.com' WHERE id = 7
SELECT * FROM items WHERE id = ?
SELECT 1 +
SELECT abs()
SELECT no_such_function(1)
WITH x AS (SELECT 1) SELECT * FROM y
SELECT * FROM items ORDER BY 99
SELECT * FROM items GROUP BY
SELECT json_extract('{', '$')
PRAGMA no_such_pragma_xyz
VACUUM INTO
ATTACH
SELECT ''''
SELECT "unterminated
SELECT [
%%%
;
   
SELECT * FROM items WHERE id = 1 AND
UPDATE items SET id = 2 WHERE id = 3
INSERT INTO items (id, name) SELECT id, name FROM items
SELECT * FROM pairs WHERE a = 1 AND b =
INSERT INTO pairs (a, b, val) VALUES (1, 1, 'dup')
INSERT INTO pairs (a, b, val) VALUES (9, 9, 'v2_2')
SELECT CAST(1 AS)
SELECT 1 UNION SELECT 1, 2
SELECT * FROM items LIMIT 'x'
UPDATE strict_t SET n = 'abc' WHERE id = 1
SELECT 1 FROM items WHERE id IN ()
DELETE FROM items WHERE id = (SELECT id FROM items)
select * from items where name = 'a' collate nosuchcollation
CREATE VIEW cheap AS SELECT 1
CREATE INDEX items_name ON items (name)
DROP VIEW no_such_view
REINDEX no_such_index
SELECT * FROM json_each('[1,2')
SELECT sum(qty) OVER (ORDER BY) FROM items
SELECT row_number() FROM items
ROLLBACK
RELEASE nosuchsavepoint
COMMIT
SELECT 1 /* unterminated comment
-- == generated statements over the data (seeded)
SELECT name, sum(qty), count(price) FROM items WHERE id % 5 = 0 GROUP BY name ORDER BY name
SELECT n FROM emails WHERE id = 11
DELETE FROM emails WHERE id = 11
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a = 5 ORDER BY a, b
WITH s AS (SELECT id, qty FROM items WHERE qty > 6) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT name, sum(qty), count(price) FROM items WHERE id % 4 = 0 GROUP BY name ORDER BY name
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a <> 4 ORDER BY a, b
SELECT id, name, qty FROM items WHERE qty <= 4 ORDER BY id
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a <> 5 ORDER BY a, b
UPDATE items SET qty = qty + 1 WHERE id % 3 = 0
SELECT id FROM items WHERE id = 4056
INSERT INTO items (id, name, qty) VALUES (4056, 'gen', 3)
SELECT name, sum(qty), count(price) FROM items WHERE id % 4 = 1 GROUP BY name ORDER BY name
SELECT n FROM emails WHERE id = 10
DELETE FROM emails WHERE id = 10
SELECT id, name, qty FROM items WHERE qty > 11 ORDER BY id
SELECT id, name, qty FROM items WHERE qty > 11 ORDER BY id
SELECT id, name, qty FROM items WHERE qty > 14 ORDER BY id
SELECT id, name, qty FROM items WHERE qty <= 12 ORDER BY id
WITH s AS (SELECT id, qty FROM items WHERE qty > 6) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a = 4 ORDER BY a, b
SELECT * FROM items WHERE id = 50
UPDATE items SET qty = 9 WHERE id = 50
SELECT n FROM emails WHERE id = 9
DELETE FROM emails WHERE id = 9
SELECT * FROM items WHERE id = 5
UPDATE items SET qty = 0 WHERE id = 5
SELECT name, sum(qty), count(price) FROM items WHERE id % 4 = 0 GROUP BY name ORDER BY name
UPDATE items SET qty = qty + 1 WHERE id % 5 = 0
WITH s AS (SELECT id, qty FROM items WHERE qty > 15) SELECT count(*), coalesce(sum(qty), 0) FROM s
WITH s AS (SELECT id, qty FROM items WHERE qty > 1) SELECT count(*), coalesce(sum(qty), 0) FROM s
UPDATE items SET qty = qty + 2 WHERE id % 3 = 0
SELECT n FROM emails WHERE id = 13
DELETE FROM emails WHERE id = 13
UPDATE items SET qty = qty + 1 WHERE id % 5 = 0
SELECT * FROM items WHERE id = 52
UPDATE items SET qty = 0 WHERE id = 52
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a < 1 ORDER BY a, b
SELECT name, sum(qty), count(price) FROM items WHERE id % 5 = 1 GROUP BY name ORDER BY name
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a <> 4 ORDER BY a, b
SELECT name, sum(qty), count(price) FROM items WHERE id % 4 = 1 GROUP BY name ORDER BY name
SELECT n FROM emails WHERE id = 8
DELETE FROM emails WHERE id = 8
SELECT id, name, qty FROM items WHERE qty <> 19 ORDER BY id
UPDATE items SET qty = qty + 1 WHERE id % 8 = 0
SELECT n FROM emails WHERE id = 1
DELETE FROM emails WHERE id = 1
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a > 3 ORDER BY a, b
SELECT id FROM items WHERE id = 4052
INSERT INTO items (id, name, qty) VALUES (4052, 'gen', 7)
SELECT * FROM items WHERE id = 1
UPDATE items SET qty = 8 WHERE id = 1
SELECT name, sum(qty), count(price) FROM items WHERE id % 3 = 0 GROUP BY name ORDER BY name
SELECT name, sum(qty), count(price) FROM items WHERE id % 2 = 0 GROUP BY name ORDER BY name
SELECT id FROM items WHERE id = 4045
INSERT INTO items (id, name, qty) VALUES (4045, 'gen', 1)
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a >= 1 ORDER BY a, b
SELECT n FROM emails WHERE id = 8
DELETE FROM emails WHERE id = 8
UPDATE items SET qty = qty + 3 WHERE id % 5 = 0
WITH s AS (SELECT id, qty FROM items WHERE qty > 2) SELECT count(*), coalesce(sum(qty), 0) FROM s
UPDATE items SET qty = qty + 1 WHERE id % 9 = 0
WITH s AS (SELECT id, qty FROM items WHERE qty > 16) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a >= 4 ORDER BY a, b
SELECT * FROM items WHERE id = 1
UPDATE items SET qty = 2 WHERE id = 1
SELECT * FROM items WHERE id = 17
UPDATE items SET qty = 2 WHERE id = 17
UPDATE items SET qty = qty + 2 WHERE id % 8 = 0
SELECT name, sum(qty), count(price) FROM items WHERE id % 5 = 1 GROUP BY name ORDER BY name
WITH s AS (SELECT id, qty FROM items WHERE qty > 3) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a < 5 ORDER BY a, b
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a = 6 ORDER BY a, b
SELECT id, name, qty FROM items WHERE qty <> 5 ORDER BY id
WITH s AS (SELECT id, qty FROM items WHERE qty > 14) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT id, name, qty FROM items WHERE qty <> 6 ORDER BY id
SELECT n FROM emails WHERE id = 7
DELETE FROM emails WHERE id = 7
SELECT id, name, qty FROM items WHERE qty >= 19 ORDER BY id
SELECT name, sum(qty), count(price) FROM items WHERE id % 5 = 0 GROUP BY name ORDER BY name
WITH s AS (SELECT id, qty FROM items WHERE qty > 13) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT id, name, qty FROM items WHERE qty < 19 ORDER BY id
SELECT id, name, qty FROM items WHERE qty <> 16 ORDER BY id
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a <= 5 ORDER BY a, b
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a > 4 ORDER BY a, b
WITH s AS (SELECT id, qty FROM items WHERE qty > 19) SELECT count(*), coalesce(sum(qty), 0) FROM s
WITH s AS (SELECT id, qty FROM items WHERE qty > 2) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT name, sum(qty), count(price) FROM items WHERE id % 5 = 0 GROUP BY name ORDER BY name
SELECT * FROM items WHERE id = 30
UPDATE items SET qty = 1 WHERE id = 30
SELECT * FROM items WHERE id = 54
UPDATE items SET qty = 3 WHERE id = 54
SELECT n FROM emails WHERE id = 11
DELETE FROM emails WHERE id = 11
UPDATE items SET qty = qty + 1 WHERE id % 5 = 0
SELECT id FROM items WHERE id = 4043
INSERT INTO items (id, name, qty) VALUES (4043, 'gen', 0)
SELECT * FROM items WHERE id = 15
UPDATE items SET qty = 2 WHERE id = 15
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a <= 5 ORDER BY a, b
SELECT id FROM items WHERE id = 4059
INSERT INTO items (id, name, qty) VALUES (4059, 'gen', 9)
SELECT id FROM items WHERE id = 4059
INSERT INTO items (id, name, qty) VALUES (4059, 'gen', 8)
SELECT n FROM emails WHERE id = 8
DELETE FROM emails WHERE id = 8
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a = 1 ORDER BY a, b
UPDATE items SET qty = qty + 3 WHERE id % 7 = 0
UPDATE items SET qty = qty + 3 WHERE id % 9 = 0
SELECT * FROM items WHERE id = 24
UPDATE items SET qty = 0 WHERE id = 24
UPDATE items SET qty = qty + 2 WHERE id % 7 = 0
SELECT name, sum(qty), count(price) FROM items WHERE id % 4 = 1 GROUP BY name ORDER BY name
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a >= 6 ORDER BY a, b
SELECT * FROM items WHERE id = 15
UPDATE items SET qty = 8 WHERE id = 15
SELECT * FROM items WHERE id = 1
UPDATE items SET qty = 6 WHERE id = 1
SELECT * FROM items WHERE id = 13
UPDATE items SET qty = 2 WHERE id = 13
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a >= 2 ORDER BY a, b
SELECT n FROM emails WHERE id = 7
DELETE FROM emails WHERE id = 7
SELECT n FROM emails WHERE id = 9
DELETE FROM emails WHERE id = 9
UPDATE items SET qty = qty + 2 WHERE id % 3 = 0
SELECT id FROM items WHERE id = 4013
INSERT INTO items (id, name, qty) VALUES (4013, 'gen', 3)
SELECT n FROM emails WHERE id = 2
DELETE FROM emails WHERE id = 2
SELECT id FROM items WHERE id = 4094
INSERT INTO items (id, name, qty) VALUES (4094, 'gen', 2)
SELECT * FROM items WHERE id = 66
UPDATE items SET qty = 9 WHERE id = 66
SELECT * FROM items WHERE id = 5
UPDATE items SET qty = 5 WHERE id = 5
SELECT * FROM items WHERE id = 60
UPDATE items SET qty = 8 WHERE id = 60
SELECT n FROM emails WHERE id = 8
DELETE FROM emails WHERE id = 8
SELECT * FROM items WHERE id = 3
UPDATE items SET qty = 3 WHERE id = 3
WITH s AS (SELECT id, qty FROM items WHERE qty > 14) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT * FROM items WHERE id = 34
UPDATE items SET qty = 7 WHERE id = 34
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a = 5 ORDER BY a, b
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a <> 1 ORDER BY a, b
SELECT id FROM items WHERE id = 4049
INSERT INTO items (id, name, qty) VALUES (4049, 'gen', 5)
SELECT id, name, qty FROM items WHERE qty <= 6 ORDER BY id
SELECT id FROM items WHERE id = 4058
INSERT INTO items (id, name, qty) VALUES (4058, 'gen', 9)
WITH s AS (SELECT id, qty FROM items WHERE qty > 7) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT name, sum(qty), count(price) FROM items WHERE id % 5 = 1 GROUP BY name ORDER BY name
SELECT n FROM emails WHERE id = 1
DELETE FROM emails WHERE id = 1
WITH s AS (SELECT id, qty FROM items WHERE qty > 14) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT n FROM emails WHERE id = 11
DELETE FROM emails WHERE id = 11
SELECT name, sum(qty), count(price) FROM items WHERE id % 2 = 0 GROUP BY name ORDER BY name
SELECT id, name, qty FROM items WHERE qty >= 3 ORDER BY id
UPDATE items SET qty = qty + 3 WHERE id % 7 = 0
SELECT id FROM items WHERE id = 4012
INSERT INTO items (id, name, qty) VALUES (4012, 'gen', 5)
SELECT id, name, qty FROM items WHERE qty <= 3 ORDER BY id
SELECT * FROM items ORDER BY id
SELECT * FROM accounts ORDER BY code
SELECT * FROM pairs ORDER BY a, b
SELECT * FROM events ORDER BY id
SELECT * FROM emails ORDER BY id
SELECT * FROM versions ORDER BY id
SELECT * FROM audit ORDER BY seq
SELECT * FROM nokey ORDER BY k, val
DROP VIEW cheap
DROP TRIGGER items_audit
DROP TABLE children
DROP TABLE scratch
