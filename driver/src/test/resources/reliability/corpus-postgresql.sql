-- Differential corpus for PostgreSQL: every statement runs, in order, through the raw driver and through jdbc:safe:,
-- each in its own schema (search_path); results, update counts, warnings and errors must be identical.
-- One statement per line; '--@' lines are directives (autocommit on/off, commit, rollback, prepared).
-- == DDL
SET TIME ZONE 'UTC'
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')
CREATE TYPE "Mood" AS ENUM ('Low', 'High')
CREATE DOMAIN posint AS integer CHECK (VALUE > 0)
CREATE TYPE pair AS (a int, b text)
CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, qty int NOT NULL DEFAULT 0, price numeric(10,2), note text)
CREATE TABLE accounts (code varchar(10) PRIMARY KEY, owner text UNIQUE, balance numeric, opened date)
CREATE TABLE pairs (a int NOT NULL, b int NOT NULL, val text, PRIMARY KEY (a, b), UNIQUE (val))
CREATE TABLE typed (id int PRIMARY KEY, c_char char(5), c_vc varchar(10), c_text text, c_num numeric(12,3), c_f4 real, c_f8 double precision, c_bool boolean, c_date date, c_ts timestamp, c_tstz timestamptz, c_time time, c_iv interval, c_uuid uuid, c_bytea bytea, c_inet inet, c_mood mood, c_umood "Mood", c_json json, c_jsonb jsonb, c_arr int[], c_money money, c_bit bit(3), c_range int4range, c_small smallint, c_big bigint, c_xml xml, c_point point, c_tsv tsvector, c_dom posint, c_pair pair, c_cidr cidr, c_mac macaddr)
CREATE TABLE nokey (k int, v text)
CREATE TABLE "Mixed Case" ("Id" int PRIMARY KEY, "Value" text, other text)
CREATE TABLE kw ("order" int PRIMARY KEY, "select" text, "group" int, "user" text)
CREATE TABLE serials (id serial PRIMARY KEY, v text, created_seq bigint GENERATED ALWAYS AS IDENTITY)
CREATE TABLE versions (id int PRIMARY KEY, status text NOT NULL, version int NOT NULL, counter int NOT NULL DEFAULT 0)
CREATE TABLE children (id int PRIMARY KEY, parent int REFERENCES items(id) ON DELETE CASCADE, label text)
CREATE TABLE checks (id int PRIMARY KEY, n int CHECK (n >= 0))
CREATE TABLE partial_u (id int PRIMARY KEY, email text, active boolean)
CREATE UNIQUE INDEX partial_u_email ON partial_u (email) WHERE active
CREATE UNIQUE INDEX partial_u_lower ON partial_u (lower(email))
CREATE INDEX items_name ON items (name)
CREATE VIEW cheap AS SELECT id, name, price FROM items WHERE price < 10
CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$
CREATE FUNCTION bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.counter := NEW.counter + 1; RETURN NEW; END $$
CREATE TRIGGER versions_bump BEFORE UPDATE ON versions FOR EACH ROW EXECUTE FUNCTION bump()
CREATE TABLE IF NOT EXISTS items (x int)
CREATE TABLE items (x int)
ALTER TABLE items ADD COLUMN extra text DEFAULT 'e'
ALTER TABLE nokey RENAME COLUMN v TO val
DROP TABLE IF EXISTS not_there
DROP TABLE not_there
DROP INDEX IF EXISTS no_such_index
COMMENT ON TABLE items IS 'the items'
CREATE TEMP TABLE scratch (id int PRIMARY KEY, v text)
-- == data
INSERT INTO items (id, name, qty, price, note) VALUES (1, 'kiwi', 7, 6.11, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (2, 'Ünïcödé', 13, 13.53, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (3, 'apple', 13, 28.92, 'note 3')
INSERT INTO items (id, name, qty, price, note) VALUES (4, '漢字', 11, 7.30, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (5, 'apple', 15, 26.36, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (6, '', 8, 29.12, 'note 6')
INSERT INTO items (id, name, qty, price, note) VALUES (7, 'pear', 11, 27.80, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (8, 'Ünïcödé', 16, 27.44, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (9, 'grape', 2, 19.97, 'note 9')
INSERT INTO items (id, name, qty, price, note) VALUES (10, 'lime', 10, 4.34, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (11, 'plum', 10, NULL, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (12, 'Ünïcödé', 11, 19.25, 'note 12')
INSERT INTO items (id, name, qty, price, note) VALUES (13, 'emoji 🍏', 13, 12.67, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (14, 'kiwi', 20, 22.94, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (15, 'kiwi', 17, 24.08, 'note 15')
INSERT INTO items (id, name, qty, price, note) VALUES (16, 'plum', 19, 21.84, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (17, '漢字', 6, 21.07, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (18, 'apple', 11, 1.05, 'note 18')
INSERT INTO items (id, name, qty, price, note) VALUES (19, 'kiwi', 12, 21.44, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (20, 'apple', 9, 3.90, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (21, 'date', 16, 28.99, 'note 21')
INSERT INTO items (id, name, qty, price, note) VALUES (22, 'Ünïcödé', 7, NULL, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (23, 'Ünïcödé', 14, 12.64, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (24, 'pear', 17, 6.93, 'note 24')
INSERT INTO items (id, name, qty, price, note) VALUES (25, 'date', 10, 2.35, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (26, '', 15, 23.17, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (27, 'kiwi', 15, 25.48, 'note 27')
INSERT INTO items (id, name, qty, price, note) VALUES (28, 'fig', 4, 16.72, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (29, 'emoji 🍏', 9, 13.99, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (30, '漢字', 5, 21.34, 'note 30')
INSERT INTO items (id, name, qty, price, note) VALUES (31, 'emoji 🍏', 16, 29.46, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (32, 'plum', 13, 1.67, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (33, 'grape', 4, NULL, 'note 33')
INSERT INTO items (id, name, qty, price, note) VALUES (34, '', 13, 19.18, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (35, 'pear', 14, 18.28, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (36, '漢字', 2, 25.20, 'note 36')
INSERT INTO items (id, name, qty, price, note) VALUES (37, 'lime', 6, 21.43, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (38, 'o''neil', 20, 27.58, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (39, 'fig', 18, 19.59, 'note 39')
INSERT INTO items (id, name, qty, price, note) VALUES (40, 'plum', 10, 0.42, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (41, 'pear', 3, 2.07, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (42, 'apple', 5, 28.26, 'note 42')
INSERT INTO items (id, name, qty, price, note) VALUES (43, 'grape', 12, 25.59, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (44, 'fig', 5, NULL, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (45, 'plum', 4, 7.67, 'note 45')
INSERT INTO items (id, name, qty, price, note) VALUES (46, 'o''neil', 16, 29.72, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (47, 'lime', 0, 29.60, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (48, 'o''neil', 7, 19.47, 'note 48')
INSERT INTO items (id, name, qty, price, note) VALUES (49, 'fig', 17, 9.21, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (50, '漢字', 3, 22.97, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (51, 'fig', 0, 20.61, 'note 51')
INSERT INTO items (id, name, qty, price, note) VALUES (52, 'lime', 10, 13.22, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (53, 'apple', 1, 2.83, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (54, 'date', 0, 14.84, 'note 54')
INSERT INTO items (id, name, qty, price, note) VALUES (55, 'date', 13, NULL, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (56, 'emoji 🍏', 14, 17.59, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (57, 'fig', 19, 8.81, 'note 57')
INSERT INTO items (id, name, qty, price, note) VALUES (58, '', 18, 18.80, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (59, 'plum', 12, 29.86, NULL)
INSERT INTO items (id, name, qty, price, note) VALUES (60, 'pear', 17, 29.40, 'note 60')
INSERT INTO items (id, name, qty) VALUES (61, 'a', 1), (62, 'b', 2), (63, 'c', 3)
INSERT INTO items (id, name) VALUES (1, 'duplicate')
INSERT INTO items (id) VALUES (500)
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A1', 'owner1', 765.38, DATE '2024-02-11')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A2', 'owner2', 153.49, DATE '2024-03-12')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A3', 'owner3', 485.65, DATE '2024-04-13')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A4', 'owner4', 186.45, DATE '2024-05-14')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A5', 'owner5', 56.40, DATE '2024-06-15')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A6', 'owner6', 903.76, DATE '2024-07-16')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A7', 'owner7', 573.43, DATE '2024-08-17')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A8', 'owner8', 205.88, DATE '2024-09-18')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A9', 'owner9', 725.84, DATE '2024-01-19')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A10', 'owner10', 797.07, DATE '2024-02-10')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A11', 'owner11', 941.08, DATE '2024-03-11')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A12', 'owner12', 214.50, DATE '2024-04-12')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A13', 'owner13', 936.80, DATE '2024-05-13')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A14', 'owner14', 777.09, DATE '2024-06-14')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A15', 'owner15', 930.85, DATE '2024-07-15')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A16', 'owner16', 294.66, DATE '2024-08-16')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A17', 'owner17', 795.95, DATE '2024-09-17')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A18', 'owner18', 54.67, DATE '2024-01-18')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A19', 'owner19', 947.56, DATE '2024-02-19')
INSERT INTO accounts (code, owner, balance, opened) VALUES ('A20', 'owner20', 115.89, DATE '2024-03-10')
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
INSERT INTO typed VALUES (1, 'ab1', 'vc1', 'text 1', 7.001, 1.1, 1.25e-1, true, DATE '2024-02-02', TIMESTAMP '2024-03-02 10:11:12.012345', TIMESTAMPTZ '2024-03-02 10:11:12.123456+01', TIME '12:01:30.5', INTERVAL '1 days 1 hours', '00000000-0000-0000-0000-000000000001', '\x01fe', '10.0.0.1/32', 'ok', 'Low', '{"k": 1}', '{"k": 1, "a": [1, 2]}', ARRAY[1, 2], '1.50', B'001', int4range(1, 11), 3, 1000000000000001, '<a>1</a>', point(1, -1), to_tsvector('simple', 'word1 other'), 1, ROW(1, 'p1'), '192.168.1.0/24', '08:00:2b:01:02:01')
INSERT INTO typed VALUES (2, 'ab2', 'vc2', 'text 2', 14.002, 2.1, 2.25e-1, false, DATE '2024-03-03', TIMESTAMP '2024-03-03 10:11:12.024690', TIMESTAMPTZ '2024-03-03 10:11:12.123456+02', TIME '12:02:30.5', INTERVAL '2 days 2 hours', '00000000-0000-0000-0000-000000000002', '\x02fd', '10.0.0.2/32', 'happy', 'High', '{"k": 2}', '{"k": 2, "a": [1, 2]}', ARRAY[2, 3], '2.50', B'010', int4range(2, 12), 6, 1000000000000002, '<a>2</a>', point(2, -2), to_tsvector('simple', 'word2 other'), 2, ROW(2, 'p2'), '192.168.2.0/24', '08:00:2b:01:02:02')
INSERT INTO typed VALUES (3, 'ab3', 'vc3', 'text 3', 21.003, 3.1, 3.25e-1, true, DATE '2024-04-04', TIMESTAMP '2024-03-04 10:11:12.037035', TIMESTAMPTZ '2024-03-04 10:11:12.123456+03', TIME '12:03:30.5', INTERVAL '3 days 3 hours', '00000000-0000-0000-0000-000000000003', '\x03fc', '10.0.0.3/32', 'sad', 'Low', '{"k": 3}', '{"k": 3, "a": [1, 2]}', ARRAY[3, 4], '3.50', B'011', int4range(3, 13), 9, 1000000000000003, '<a>3</a>', point(3, -3), to_tsvector('simple', 'word3 other'), 3, ROW(3, 'p3'), '192.168.3.0/24', '08:00:2b:01:02:03')
INSERT INTO typed VALUES (4, 'ab4', 'vc4', 'text 4', 28.004, 4.1, 4.25e-1, false, DATE '2024-05-05', TIMESTAMP '2024-03-05 10:11:12.049380', TIMESTAMPTZ '2024-03-05 10:11:12.123456+04', TIME '12:04:30.5', INTERVAL '4 days 4 hours', '00000000-0000-0000-0000-000000000004', '\x04fb', '10.0.0.4/32', 'ok', 'High', '{"k": 4}', '{"k": 4, "a": [1, 2]}', ARRAY[4, 5], '4.50', B'100', int4range(4, 14), 12, 1000000000000004, '<a>4</a>', point(4, -4), to_tsvector('simple', 'word4 other'), 4, ROW(4, 'p4'), '192.168.4.0/24', '08:00:2b:01:02:04')
INSERT INTO typed VALUES (5, 'ab5', 'vc5', 'text 5', 35.005, 5.1, 5.25e-1, true, DATE '2024-06-06', TIMESTAMP '2024-03-06 10:11:12.061725', TIMESTAMPTZ '2024-03-06 10:11:12.123456+05', TIME '12:05:30.5', INTERVAL '5 days 5 hours', '00000000-0000-0000-0000-000000000005', '\x05fa', '10.0.0.5/32', 'happy', 'Low', '{"k": 5}', '{"k": 5, "a": [1, 2]}', ARRAY[5, 6], '5.50', B'101', int4range(5, 15), 15, 1000000000000005, '<a>5</a>', point(5, -5), to_tsvector('simple', 'word5 other'), 5, ROW(5, 'p5'), '192.168.5.0/24', '08:00:2b:01:02:05')
INSERT INTO typed VALUES (6, 'ab6', 'vc6', 'text 6', 42.006, 6.1, 6.25e-1, false, DATE '2024-07-07', TIMESTAMP '2024-03-07 10:11:12.074070', TIMESTAMPTZ '2024-03-07 10:11:12.123456+06', TIME '12:06:30.5', INTERVAL '6 days 6 hours', '00000000-0000-0000-0000-000000000006', '\x06f9', '10.0.0.6/32', 'sad', 'High', '{"k": 6}', '{"k": 6, "a": [1, 2]}', ARRAY[6, 7], '6.50', B'110', int4range(6, 16), 18, 1000000000000006, '<a>6</a>', point(6, -6), to_tsvector('simple', 'word6 other'), 6, ROW(6, 'p6'), '192.168.6.0/24', '08:00:2b:01:02:06')
INSERT INTO typed VALUES (7, 'ab7', 'vc7', 'text 7', 49.007, 7.1, 7.25e-1, true, DATE '2024-08-08', TIMESTAMP '2024-03-08 10:11:12.086415', TIMESTAMPTZ '2024-03-08 10:11:12.123456+07', TIME '12:07:30.5', INTERVAL '7 days 7 hours', '00000000-0000-0000-0000-000000000007', '\x07f8', '10.0.0.7/32', 'ok', 'Low', '{"k": 7}', '{"k": 7, "a": [1, 2]}', ARRAY[7, 8], '7.50', B'111', int4range(7, 17), 21, 1000000000000007, '<a>7</a>', point(7, -7), to_tsvector('simple', 'word7 other'), 7, ROW(7, 'p7'), '192.168.7.0/24', '08:00:2b:01:02:07')
INSERT INTO typed VALUES (8, 'ab8', 'vc8', 'text 8', 56.008, 8.1, 8.25e-1, false, DATE '2024-09-09', TIMESTAMP '2024-03-09 10:11:12.098760', TIMESTAMPTZ '2024-03-09 10:11:12.123456+08', TIME '12:08:30.5', INTERVAL '8 days 8 hours', '00000000-0000-0000-0000-000000000008', '\x08f7', '10.0.0.8/32', 'happy', 'High', '{"k": 8}', '{"k": 8, "a": [1, 2]}', ARRAY[8, 9], '8.50', B'000', int4range(8, 18), 24, 1000000000000008, '<a>8</a>', point(8, -8), to_tsvector('simple', 'word8 other'), 8, ROW(8, 'p8'), '192.168.8.0/24', '08:00:2b:01:02:08')
INSERT INTO typed VALUES (9, 'ab9', 'vc9', 'text 9', 63.009, 9.1, 9.25e-1, true, DATE '2024-10-10', TIMESTAMP '2024-03-10 10:11:12.111105', TIMESTAMPTZ '2024-03-10 10:11:12.123456+09', TIME '12:09:30.5', INTERVAL '9 days 9 hours', '00000000-0000-0000-0000-000000000009', '\x09f6', '10.0.0.9/32', 'sad', 'Low', '{"k": 9}', '{"k": 9, "a": [1, 2]}', ARRAY[9, 10], '9.50', B'001', int4range(9, 19), 27, 1000000000000009, '<a>9</a>', point(9, -9), to_tsvector('simple', 'word9 other'), 9, ROW(9, 'p9'), '192.168.9.0/24', '08:00:2b:01:02:09')
INSERT INTO typed VALUES (10, 'ab0', 'vc10', 'text 10', 70.010, 10.1, 10.25e-1, false, DATE '2024-11-11', TIMESTAMP '2024-03-11 10:11:12.123450', TIMESTAMPTZ '2024-03-11 10:11:12.123456+00', TIME '12:10:30.5', INTERVAL '10 days 10 hours', '00000000-0000-0000-0000-000000000010', '\x0af5', '10.0.0.10/32', 'ok', 'High', '{"k": 10}', '{"k": 10, "a": [1, 2]}', ARRAY[10, 11], '10.50', B'010', int4range(10, 20), 30, 1000000000000010, '<a>10</a>', point(10, -10), to_tsvector('simple', 'word10 other'), 10, ROW(10, 'p10'), '192.168.10.0/24', '08:00:2b:01:02:10')
INSERT INTO typed VALUES (11, 'ab1', 'vc11', 'text 11', 77.011, 11.1, 11.25e-1, true, DATE '2024-12-12', TIMESTAMP '2024-03-12 10:11:12.135795', TIMESTAMPTZ '2024-03-12 10:11:12.123456+01', TIME '12:11:30.5', INTERVAL '11 days 11 hours', '00000000-0000-0000-0000-000000000011', '\x0bf4', '10.0.0.11/32', 'happy', 'Low', '{"k": 11}', '{"k": 11, "a": [1, 2]}', ARRAY[11, 12], '11.50', B'011', int4range(11, 21), 33, 1000000000000011, '<a>11</a>', point(11, -11), to_tsvector('simple', 'word11 other'), 11, ROW(11, 'p11'), '192.168.11.0/24', '08:00:2b:01:02:11')
INSERT INTO typed VALUES (12, 'ab2', 'vc12', 'text 12', 84.012, 12.1, 12.25e-1, false, DATE '2024-01-13', TIMESTAMP '2024-03-13 10:11:12.148140', TIMESTAMPTZ '2024-03-13 10:11:12.123456+02', TIME '12:12:30.5', INTERVAL '12 days 12 hours', '00000000-0000-0000-0000-000000000012', '\x0cf3', '10.0.0.12/32', 'sad', 'High', '{"k": 12}', '{"k": 12, "a": [1, 2]}', ARRAY[12, 13], '12.50', B'100', int4range(12, 22), 36, 1000000000000012, '<a>12</a>', point(12, -12), to_tsvector('simple', 'word12 other'), 12, ROW(12, 'p12'), '192.168.12.0/24', '08:00:2b:01:02:12')
INSERT INTO typed VALUES (13, 'ab3', 'vc13', 'text 13', 91.013, 13.1, 13.25e-1, true, DATE '2024-02-14', TIMESTAMP '2024-03-14 10:11:12.160485', TIMESTAMPTZ '2024-03-14 10:11:12.123456+03', TIME '12:13:30.5', INTERVAL '13 days 13 hours', '00000000-0000-0000-0000-000000000013', '\x0df2', '10.0.0.13/32', 'ok', 'Low', '{"k": 13}', '{"k": 13, "a": [1, 2]}', ARRAY[13, 14], '13.50', B'101', int4range(13, 23), 39, 1000000000000013, '<a>13</a>', point(13, -13), to_tsvector('simple', 'word13 other'), 13, ROW(13, 'p13'), '192.168.13.0/24', '08:00:2b:01:02:13')
INSERT INTO typed VALUES (14, 'ab4', 'vc14', 'text 14', 98.014, 14.1, 14.25e-1, false, DATE '2024-03-15', TIMESTAMP '2024-03-15 10:11:12.172830', TIMESTAMPTZ '2024-03-15 10:11:12.123456+04', TIME '12:14:30.5', INTERVAL '14 days 14 hours', '00000000-0000-0000-0000-000000000014', '\x0ef1', '10.0.0.14/32', 'happy', 'High', '{"k": 14}', '{"k": 14, "a": [1, 2]}', ARRAY[14, 15], '14.50', B'110', int4range(14, 24), 42, 1000000000000014, '<a>14</a>', point(14, -14), to_tsvector('simple', 'word14 other'), 14, ROW(14, 'p14'), '192.168.14.0/24', '08:00:2b:01:02:14')
INSERT INTO typed VALUES (15, 'ab5', 'vc15', 'text 15', 105.015, 15.1, 15.25e-1, true, DATE '2024-04-16', TIMESTAMP '2024-03-16 10:11:12.185175', TIMESTAMPTZ '2024-03-16 10:11:12.123456+05', TIME '12:15:30.5', INTERVAL '15 days 15 hours', '00000000-0000-0000-0000-000000000015', '\x0ff0', '10.0.0.15/32', 'sad', 'Low', '{"k": 15}', '{"k": 15, "a": [1, 2]}', ARRAY[15, 16], '15.50', B'111', int4range(15, 25), 45, 1000000000000015, '<a>15</a>', point(15, -15), to_tsvector('simple', 'word15 other'), 15, ROW(15, 'p15'), '192.168.15.0/24', '08:00:2b:01:02:15')
INSERT INTO typed VALUES (16, 'ab6', 'vc16', 'text 16', 112.016, 16.1, 16.25e-1, false, DATE '2024-05-17', TIMESTAMP '2024-03-17 10:11:12.197520', TIMESTAMPTZ '2024-03-17 10:11:12.123456+06', TIME '12:16:30.5', INTERVAL '16 days 16 hours', '00000000-0000-0000-0000-000000000016', '\x10ef', '10.0.0.16/32', 'ok', 'High', '{"k": 16}', '{"k": 16, "a": [1, 2]}', ARRAY[16, 17], '16.50', B'000', int4range(16, 26), 48, 1000000000000016, '<a>16</a>', point(16, -16), to_tsvector('simple', 'word16 other'), 16, ROW(16, 'p16'), '192.168.16.0/24', '08:00:2b:01:02:16')
INSERT INTO typed VALUES (17, 'ab7', 'vc17', 'text 17', 119.017, 17.1, 17.25e-1, true, DATE '2024-06-18', TIMESTAMP '2024-03-18 10:11:12.209865', TIMESTAMPTZ '2024-03-18 10:11:12.123456+07', TIME '12:17:30.5', INTERVAL '17 days 17 hours', '00000000-0000-0000-0000-000000000017', '\x11ee', '10.0.0.17/32', 'happy', 'Low', '{"k": 17}', '{"k": 17, "a": [1, 2]}', ARRAY[17, 18], '17.50', B'001', int4range(17, 27), 51, 1000000000000017, '<a>17</a>', point(17, -17), to_tsvector('simple', 'word17 other'), 17, ROW(17, 'p17'), '192.168.17.0/24', '08:00:2b:01:02:17')
INSERT INTO typed VALUES (18, 'ab8', 'vc18', 'text 18', 126.018, 18.1, 18.25e-1, false, DATE '2024-07-19', TIMESTAMP '2024-03-19 10:11:12.222210', TIMESTAMPTZ '2024-03-19 10:11:12.123456+08', TIME '12:18:30.5', INTERVAL '18 days 18 hours', '00000000-0000-0000-0000-000000000018', '\x12ed', '10.0.0.18/32', 'sad', 'High', '{"k": 18}', '{"k": 18, "a": [1, 2]}', ARRAY[18, 19], '18.50', B'010', int4range(18, 28), 54, 1000000000000018, '<a>18</a>', point(18, -18), to_tsvector('simple', 'word18 other'), 18, ROW(18, 'p18'), '192.168.18.0/24', '08:00:2b:01:02:18')
INSERT INTO typed VALUES (19, 'ab9', 'vc19', 'text 19', 133.019, 19.1, 19.25e-1, true, DATE '2024-08-20', TIMESTAMP '2024-03-20 10:11:12.234555', TIMESTAMPTZ '2024-03-20 10:11:12.123456+09', TIME '12:19:30.5', INTERVAL '19 days 19 hours', '00000000-0000-0000-0000-000000000019', '\x13ec', '10.0.0.19/32', 'ok', 'Low', '{"k": 19}', '{"k": 19, "a": [1, 2]}', ARRAY[19, 20], '19.50', B'011', int4range(19, 29), 57, 1000000000000019, '<a>19</a>', point(19, -19), to_tsvector('simple', 'word19 other'), 19, ROW(19, 'p19'), '192.168.19.0/24', '08:00:2b:01:02:19')
INSERT INTO typed VALUES (20, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
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
INSERT INTO "Mixed Case" ("Id", "Value", other) VALUES (1, 'one', 'x'), (2, 'two', 'y'), (3, NULL, 'z')
INSERT INTO kw ("order", "select", "group", "user") VALUES (1, 's1', 10, 'u1'), (2, 's2', 20, 'u2'), (3, 's3', 30, NULL)
INSERT INTO serials (v) VALUES ('a'), ('b'), ('c')
INSERT INTO serials (v) VALUES ('d') RETURNING id, v, created_seq
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
INSERT INTO children VALUES (1, 1, 'c1'), (2, 2, 'c2'), (3, 3, 'c3')
INSERT INTO children VALUES (4, 999, 'orphan')
INSERT INTO checks VALUES (1, 5)
INSERT INTO checks VALUES (2, -1)
INSERT INTO partial_u VALUES (1, 'p1@x.org', true)
INSERT INTO partial_u VALUES (2, 'p2@x.org', false)
INSERT INTO partial_u VALUES (3, 'p3@x.org', true)
INSERT INTO partial_u VALUES (4, 'p4@x.org', false)
INSERT INTO partial_u VALUES (5, 'p5@x.org', true)
-- == queries
SELECT * FROM items ORDER BY id
SELECT id, name, qty, price FROM items WHERE qty > 10 ORDER BY qty DESC, id
SELECT count(*), sum(qty), avg(price), min(name), max(name), stddev_samp(qty)::numeric(10,4) FROM items
SELECT name, count(*) AS n, sum(qty) FROM items GROUP BY name HAVING count(*) > 1 ORDER BY n DESC, name
SELECT * FROM items ORDER BY id LIMIT 5 OFFSET 10
SELECT * FROM items ORDER BY id FETCH FIRST 3 ROWS ONLY
SELECT DISTINCT ON (name) name, id FROM items ORDER BY name, id
SELECT i.id, i.name, c.label FROM items i JOIN children c ON c.parent = i.id ORDER BY i.id
SELECT i.id, c.label FROM children c LEFT JOIN items i ON c.parent = i.id ORDER BY c.id
SELECT i.id, x.n FROM items i CROSS JOIN LATERAL (SELECT count(*) AS n FROM children c WHERE c.parent = i.id) x WHERE i.id < 6 ORDER BY i.id
SELECT id, CASE WHEN qty > 10 THEN 'many' WHEN qty > 0 THEN 'some' ELSE 'none' END FROM items ORDER BY id
SELECT coalesce(price, -1), nullif(qty, 0), greatest(qty, 5), least(qty, 5) FROM items ORDER BY id LIMIT 15
SELECT upper(name), lower(name), length(name), substr(name, 2, 3), replace(name, 'a', 'A'), btrim('  x  '), position('e' in name), left(name, 2), reverse(name) FROM items ORDER BY id LIMIT 20
SELECT name || '-' || qty, format('%s|%5s|%L', qty, name, note), to_char(price, 'FM999.00') FROM items ORDER BY id LIMIT 20
SELECT abs(-5), round(2.5), round(3.14159, 2), 7 / 2, 7 % 3, 7.0 / 2, -7 / 2, 1 << 4, 255 & 15, 5 | 2, ~5, 2 ^ 10, |/ 16, @ -3
SELECT 9223372036854775807, -9223372036854775808::bigint, 1e308::float8 * 10, 0.1::numeric + 0.2, 0.1::float8 + 0.2
SELECT 1 / 0
SELECT 9223372036854775807 + 1
SELECT 'abc'::int
SELECT '12'::int + 1, 3.99::int, 12::text, '1e3'::float8, 'true'::boolean, '2024-01-31'::date + 1, '1 day'::interval * 3
SELECT id FROM items WHERE name ILIKE 'P%' ORDER BY id
SELECT id FROM items WHERE name ~ '^[a-f]' ORDER BY id
SELECT id FROM items WHERE name SIMILAR TO '(p|k)%' ORDER BY id
SELECT id FROM items WHERE id = ANY (ARRAY[1, 3, 5, 7]) ORDER BY id
SELECT id FROM items WHERE id IN (SELECT parent FROM children) ORDER BY id
SELECT id FROM items i WHERE EXISTS (SELECT 1 FROM children c WHERE c.parent = i.id) ORDER BY id
SELECT id FROM items WHERE price BETWEEN 5 AND 15 ORDER BY id
SELECT id FROM items WHERE note IS NULL AND price IS NOT NULL ORDER BY id LIMIT 10
SELECT id, name FROM items UNION SELECT id, val FROM pairs ORDER BY 1, 2
SELECT id FROM items INTERSECT SELECT a FROM pairs ORDER BY 1
SELECT id FROM items EXCEPT SELECT a FROM pairs ORDER BY 1
VALUES (1, 'a'), (2, 'b'), (3, NULL)
SELECT * FROM generate_series(1, 10, 3) AS g(x)
SELECT x, x * x FROM generate_series(1, 5) x
SELECT date_trunc('month', TIMESTAMP '2024-05-17 10:00'), extract(dow FROM DATE '2024-05-17'), age(TIMESTAMP '2024-05-17', TIMESTAMP '2020-01-01'), make_date(2024, 2, 29)
SELECT json_build_object('a', 1, 'b', 'two'), jsonb_build_array(1, 2, 'x'), '{"a":{"b":[1,2,3]}}'::jsonb #> '{a,b,1}', '{"a":1}'::jsonb ? 'a', jsonb_pretty('{"z":1}')
SELECT key, value FROM jsonb_each('{"x":1,"y":[2,3]}') ORDER BY key
SELECT array_agg(id ORDER BY id), string_agg(name, ';' ORDER BY id) FROM items WHERE id < 8
SELECT ARRAY[1, 2, 3] || 4, (ARRAY[1, 2, 3])[2], array_length(ARRAY[[1, 2], [3, 4]], 2), unnest(ARRAY['a', 'b'])
SELECT count(*) FILTER (WHERE qty > 5), count(*) FILTER (WHERE price IS NULL) FROM items
SELECT twice(21), twice(NULL)
SELECT * FROM cheap ORDER BY id
SELECT * FROM "Mixed Case" ORDER BY "Id"
SELECT "order", "select", "group", "user" FROM kw ORDER BY "order"
SELECT * FROM pairs WHERE a = 2 ORDER BY b
SELECT * FROM typed ORDER BY id
SELECT id, c_money, c_bit, c_point, c_xml, c_json, c_arr, c_pair, c_tsv FROM typed ORDER BY id
SELECT * FROM serials ORDER BY id
SELECT * FROM versions ORDER BY id
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'items' AND table_schema = current_schema() ORDER BY ordinal_position
SELECT typname FROM pg_type WHERE typname IN ('mood', 'pair', 'posint') ORDER BY 1
SELECT obj_description('items'::regclass)
SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof('a'::text), pg_typeof(now()::date)
SELECT 1 AS a, 2 AS a
SELECT 1; SELECT 2
SELECT * FROM items WHERE id = 1 /* a comment */
select ID, NAME from ITEMS where ID = 2
SHOW search_path
SHOW TIME ZONE
EXPLAIN (COSTS OFF) SELECT * FROM items WHERE id = 5
SELECT set_config('application_name', 'diff', false)
DO $$ BEGIN RAISE NOTICE 'hello %', 42; END $$
DO $$ BEGIN RAISE WARNING 'careful'; END $$
DO $$ BEGIN RAISE EXCEPTION 'boom %', 7 USING ERRCODE = 'P0001'; END $$
-- == CTEs and window functions
WITH RECURSIVE cnt(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM cnt WHERE x < 25) SELECT x, x * x FROM cnt
WITH RECURSIVE fib(a, b, n) AS (SELECT 0::numeric, 1::numeric, 0 UNION ALL SELECT b, a + b, n + 1 FROM fib WHERE n < 90) SELECT n, a FROM fib
WITH big AS (SELECT * FROM items WHERE qty > 10), small AS (SELECT * FROM items WHERE qty <= 10) SELECT (SELECT count(*) FROM big), (SELECT count(*) FROM small)
WITH t(a, b) AS (VALUES (1, 2), (3, 4)) SELECT a + b FROM t ORDER BY 1
WITH x AS MATERIALIZED (SELECT id FROM items WHERE id < 5) SELECT * FROM x ORDER BY id
WITH ins AS (INSERT INTO items (id, name, qty) VALUES (800, 'cte', 8) RETURNING id, qty) SELECT * FROM ins
WITH upd AS (UPDATE items SET qty = qty + 1 WHERE id = 800 RETURNING qty) SELECT qty * 10 FROM upd
WITH del AS (DELETE FROM items WHERE id = 800 RETURNING *) SELECT count(*) FROM del
SELECT id, qty, row_number() OVER (ORDER BY qty, id), rank() OVER (ORDER BY qty), dense_rank() OVER (ORDER BY qty) FROM items ORDER BY id
SELECT id, qty, sum(qty) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM items ORDER BY id
SELECT id, lag(qty) OVER w, lead(qty, 2, -1) OVER w, first_value(name) OVER w, last_value(name) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM items WINDOW w AS (ORDER BY id) ORDER BY id
SELECT name, id, ntile(3) OVER (PARTITION BY name ORDER BY id), percent_rank() OVER (PARTITION BY name ORDER BY id), cume_dist() OVER (ORDER BY id) FROM items ORDER BY name, id
SELECT a, b, sum(b) OVER (PARTITION BY a ORDER BY b GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) FROM pairs ORDER BY a, b
SELECT id, avg(price) OVER (ORDER BY id RANGE BETWEEN 3 PRECEDING AND 3 FOLLOWING) FROM items ORDER BY id
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY qty), mode() WITHIN GROUP (ORDER BY name) FROM items
SELECT name, qty, sum(qty) OVER () FROM items GROUP BY GROUPING SETS ((name, qty), ()) ORDER BY name NULLS FIRST, qty NULLS FIRST LIMIT 10
-- == DML and upserts
UPDATE items SET qty = qty + 1 WHERE id <= 5
UPDATE items SET price = price * 1.1 WHERE price IS NOT NULL AND id BETWEEN 10 AND 20
UPDATE nokey SET val = val || '!' WHERE k = 3
DELETE FROM nokey WHERE k = 6
DELETE FROM items WHERE id = 999
INSERT INTO items (id, name, qty) SELECT id + 1000, name, qty FROM items WHERE qty > 15
INSERT INTO items (id, name, qty) VALUES (5, 'upsert', 1) ON CONFLICT (id) DO UPDATE SET qty = items.qty + EXCLUDED.qty
INSERT INTO items (id, name, qty) VALUES (6, 'upsert', 1) ON CONFLICT (id) DO NOTHING
INSERT INTO items (id, name, qty) VALUES (6, 'upsert', 1) ON CONFLICT ON CONSTRAINT items_pkey DO NOTHING
INSERT INTO items (id, name, qty) VALUES (700, 'upsert-new', 1) ON CONFLICT (id) DO UPDATE SET qty = 0 RETURNING id, qty
INSERT INTO accounts (code, owner, balance) VALUES ('NEW', 'owner1', 0) ON CONFLICT (owner) DO UPDATE SET balance = accounts.balance + 100 RETURNING code, balance
INSERT INTO items (id, name, qty) VALUES (701, 'ret', 7) RETURNING id, name, qty
UPDATE items SET qty = 70 WHERE id = 701 RETURNING qty, name
DELETE FROM items WHERE id = 701 RETURNING *
UPDATE items SET qty = (SELECT count(*) FROM children WHERE parent = items.id) WHERE id IN (1, 2)
UPDATE items SET qty = c.n FROM (SELECT parent, count(*) AS n FROM children GROUP BY parent) AS c WHERE c.parent = items.id
DELETE FROM items USING children WHERE children.parent = items.id AND children.label = 'c3'
UPDATE checks SET n = -5 WHERE id = 1
MERGE INTO items t USING (VALUES (2, 'merged'), (900, 'merge-new')) s(id, name) ON t.id = s.id WHEN MATCHED THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)
TRUNCATE scratch
INSERT INTO scratch (id, v) SELECT id, name FROM items ORDER BY id LIMIT 5
SELECT * FROM scratch ORDER BY id
COPY (SELECT 1) TO STDOUT
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
UPDATE items SET qty = 49 WHERE id = 12
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
UPDATE items SET qty = 17 WHERE id = 18
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
UPDATE items SET qty = 49 WHERE id = 24
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
UPDATE items SET qty = 30 WHERE id = 30
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
UPDATE items SET qty = 26 WHERE id = 36
SELECT * FROM accounts WHERE owner = 'owner1'
UPDATE accounts SET balance = 0, opened = NULL WHERE owner = 'owner1'
SELECT code FROM accounts WHERE code = 'Z2'
INSERT INTO accounts (code, owner, balance) VALUES ('Z2', 'new2', 1.5)
SELECT balance, owner, opened FROM accounts WHERE code = 'A3'
UPDATE accounts SET balance = 1 WHERE code = 'A3'
SELECT * FROM accounts WHERE owner = 'owner4'
UPDATE accounts SET balance = 0, opened = NULL WHERE owner = 'owner4'
SELECT code FROM accounts WHERE code = 'Z5'
INSERT INTO accounts (code, owner, balance) VALUES ('Z5', 'new5', 1.5)
SELECT balance, owner, opened FROM accounts WHERE code = 'A6'
UPDATE accounts SET balance = 1 WHERE code = 'A6'
SELECT * FROM accounts WHERE owner = 'owner7'
UPDATE accounts SET balance = 0, opened = NULL WHERE owner = 'owner7'
SELECT code FROM accounts WHERE code = 'Z8'
INSERT INTO accounts (code, owner, balance) VALUES ('Z8', 'new8', 1.5)
SELECT balance, owner, opened FROM accounts WHERE code = 'A9'
UPDATE accounts SET balance = 1 WHERE code = 'A9'
SELECT * FROM accounts WHERE owner = 'owner10'
UPDATE accounts SET balance = 0, opened = NULL WHERE owner = 'owner10'
SELECT code FROM accounts WHERE code = 'Z11'
INSERT INTO accounts (code, owner, balance) VALUES ('Z11', 'new11', 1.5)
SELECT balance, owner, opened FROM accounts WHERE code = 'A12'
UPDATE accounts SET balance = 1 WHERE code = 'A12'
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
-- one column type at a time, read then written back by key
SELECT c_char FROM typed WHERE id = 1
UPDATE typed SET c_text = 'col c_char' WHERE id = 1
SELECT c_vc FROM typed WHERE id = 2
UPDATE typed SET c_text = 'col c_vc' WHERE id = 2
SELECT c_text FROM typed WHERE id = 3
UPDATE typed SET c_text = 'col c_text' WHERE id = 3
SELECT c_num FROM typed WHERE id = 4
UPDATE typed SET c_text = 'col c_num' WHERE id = 4
SELECT c_f4 FROM typed WHERE id = 5
UPDATE typed SET c_text = 'col c_f4' WHERE id = 5
SELECT c_f8 FROM typed WHERE id = 6
UPDATE typed SET c_text = 'col c_f8' WHERE id = 6
SELECT c_bool FROM typed WHERE id = 7
UPDATE typed SET c_text = 'col c_bool' WHERE id = 7
SELECT c_date FROM typed WHERE id = 8
UPDATE typed SET c_text = 'col c_date' WHERE id = 8
SELECT c_ts FROM typed WHERE id = 9
UPDATE typed SET c_text = 'col c_ts' WHERE id = 9
SELECT c_tstz FROM typed WHERE id = 10
UPDATE typed SET c_text = 'col c_tstz' WHERE id = 10
SELECT c_time FROM typed WHERE id = 11
UPDATE typed SET c_text = 'col c_time' WHERE id = 11
SELECT c_iv FROM typed WHERE id = 12
UPDATE typed SET c_text = 'col c_iv' WHERE id = 12
SELECT c_uuid FROM typed WHERE id = 13
UPDATE typed SET c_text = 'col c_uuid' WHERE id = 13
SELECT c_bytea FROM typed WHERE id = 14
UPDATE typed SET c_text = 'col c_bytea' WHERE id = 14
SELECT c_inet FROM typed WHERE id = 15
UPDATE typed SET c_text = 'col c_inet' WHERE id = 15
SELECT c_mood FROM typed WHERE id = 16
UPDATE typed SET c_text = 'col c_mood' WHERE id = 16
SELECT c_umood FROM typed WHERE id = 17
UPDATE typed SET c_text = 'col c_umood' WHERE id = 17
SELECT c_json FROM typed WHERE id = 18
UPDATE typed SET c_text = 'col c_json' WHERE id = 18
SELECT c_jsonb FROM typed WHERE id = 19
UPDATE typed SET c_text = 'col c_jsonb' WHERE id = 19
SELECT c_arr FROM typed WHERE id = 1
UPDATE typed SET c_text = 'col c_arr' WHERE id = 1
SELECT c_money FROM typed WHERE id = 2
UPDATE typed SET c_text = 'col c_money' WHERE id = 2
SELECT c_bit FROM typed WHERE id = 3
UPDATE typed SET c_text = 'col c_bit' WHERE id = 3
SELECT c_range FROM typed WHERE id = 4
UPDATE typed SET c_text = 'col c_range' WHERE id = 4
SELECT c_small FROM typed WHERE id = 5
UPDATE typed SET c_text = 'col c_small' WHERE id = 5
SELECT c_big FROM typed WHERE id = 6
UPDATE typed SET c_text = 'col c_big' WHERE id = 6
SELECT c_xml FROM typed WHERE id = 7
UPDATE typed SET c_text = 'col c_xml' WHERE id = 7
SELECT c_point FROM typed WHERE id = 8
UPDATE typed SET c_text = 'col c_point' WHERE id = 8
SELECT c_tsv FROM typed WHERE id = 9
UPDATE typed SET c_text = 'col c_tsv' WHERE id = 9
SELECT c_dom FROM typed WHERE id = 10
UPDATE typed SET c_text = 'col c_dom' WHERE id = 10
SELECT c_pair FROM typed WHERE id = 11
UPDATE typed SET c_text = 'col c_pair' WHERE id = 11
SELECT c_cidr FROM typed WHERE id = 12
UPDATE typed SET c_text = 'col c_cidr' WHERE id = 12
SELECT c_mac FROM typed WHERE id = 13
UPDATE typed SET c_text = 'col c_mac' WHERE id = 13
SELECT * FROM typed WHERE id = 1
UPDATE typed SET c_small = c_small WHERE id = 1
SELECT * FROM typed WHERE id = 2
UPDATE typed SET c_text = 'all 2' WHERE id = 2
SELECT * FROM typed WHERE id = 3
UPDATE typed SET c_small = c_small WHERE id = 3
SELECT * FROM typed WHERE id = 4
UPDATE typed SET c_text = 'all 4' WHERE id = 4
SELECT * FROM typed WHERE id = 5
UPDATE typed SET c_small = c_small WHERE id = 5
SELECT * FROM typed WHERE id = 6
UPDATE typed SET c_text = 'all 6' WHERE id = 6
SELECT * FROM typed WHERE id = 7
UPDATE typed SET c_small = c_small WHERE id = 7
SELECT * FROM typed WHERE id = 8
UPDATE typed SET c_text = 'all 8' WHERE id = 8
SELECT * FROM typed WHERE id = 9
UPDATE typed SET c_small = c_small WHERE id = 9
SELECT * FROM typed WHERE id = 10
UPDATE typed SET c_text = 'all 10' WHERE id = 10
SELECT * FROM typed WHERE id = 11
UPDATE typed SET c_small = c_small WHERE id = 11
SELECT * FROM typed WHERE id = 12
UPDATE typed SET c_text = 'all 12' WHERE id = 12
SELECT * FROM typed WHERE id = 13
UPDATE typed SET c_small = c_small WHERE id = 13
SELECT * FROM typed WHERE id = 14
UPDATE typed SET c_text = 'all 14' WHERE id = 14
SELECT * FROM typed WHERE id = 15
UPDATE typed SET c_small = c_small WHERE id = 15
SELECT * FROM typed WHERE id = 16
UPDATE typed SET c_text = 'all 16' WHERE id = 16
SELECT * FROM typed WHERE id = 17
UPDATE typed SET c_small = c_small WHERE id = 17
SELECT * FROM typed WHERE id = 18
UPDATE typed SET c_text = 'all 18' WHERE id = 18
SELECT * FROM typed WHERE id = 19
UPDATE typed SET c_small = c_small WHERE id = 19
SELECT * FROM typed WHERE id = 20
UPDATE typed SET c_text = 'all 20' WHERE id = 20
SELECT * FROM typed WHERE id = 20
DELETE FROM typed WHERE id = 20
SELECT "Value", other FROM "Mixed Case" WHERE "Id" = 1
UPDATE "Mixed Case" SET "Value" = 'uno' WHERE "Id" = 1
SELECT * FROM "Mixed Case" WHERE "Id" = 3
UPDATE "Mixed Case" SET other = 'zz' WHERE "Id" = 3
SELECT "select", "group", "user" FROM kw WHERE "order" = 2
UPDATE kw SET "select" = 'changed' WHERE "order" = 2
SELECT * FROM kw WHERE "order" = 9
INSERT INTO kw ("order", "select", "group") VALUES (9, 'nine', 90)
SELECT OTHER FROM "Mixed Case" WHERE "Id" = 2
UPDATE "Mixed Case" SET other = 'Y' WHERE "Id" = 2
SELECT status, version FROM versions WHERE id = 1
UPDATE versions SET status = 'DONE', version = version + 1 WHERE id = 1 AND version = 1
SELECT status, counter FROM versions WHERE id = 6
UPDATE versions SET status = 'X' WHERE id = 6
SELECT status, counter FROM versions WHERE id = 6
SELECT status, version FROM versions WHERE id = 2
UPDATE versions SET status = 'DONE', version = version + 1 WHERE id = 2 AND version = 1
SELECT status, counter FROM versions WHERE id = 7
UPDATE versions SET status = 'X' WHERE id = 7
SELECT status, counter FROM versions WHERE id = 7
SELECT status, version FROM versions WHERE id = 3
UPDATE versions SET status = 'DONE', version = version + 1 WHERE id = 3 AND version = 1
SELECT status, counter FROM versions WHERE id = 8
UPDATE versions SET status = 'X' WHERE id = 8
SELECT status, counter FROM versions WHERE id = 8
SELECT status, version FROM versions WHERE id = 4
UPDATE versions SET status = 'DONE', version = version + 1 WHERE id = 4 AND version = 1
SELECT status, counter FROM versions WHERE id = 9
UPDATE versions SET status = 'X' WHERE id = 9
SELECT status, counter FROM versions WHERE id = 9
SELECT status, version FROM versions WHERE id = 5
UPDATE versions SET status = 'DONE', version = version + 1 WHERE id = 5 AND version = 1
SELECT status, counter FROM versions WHERE id = 10
UPDATE versions SET status = 'X' WHERE id = 10
SELECT status, counter FROM versions WHERE id = 10
SELECT * FROM nokey WHERE k = 1
UPDATE nokey SET val = 'nk' WHERE k = 1
SELECT * FROM serials WHERE id = 2
UPDATE serials SET v = 'two' WHERE id = 2
SELECT v FROM serials WHERE id = 2
UPDATE serials SET v = 'two' WHERE id = 2
SELECT * FROM partial_u WHERE email = 'p1@x.org'
UPDATE partial_u SET active = false WHERE email = 'p1@x.org'
SELECT * FROM partial_u WHERE id = 2
UPDATE partial_u SET email = 'P2@x.org' WHERE id = 2
SELECT * FROM items WHERE id = 40
INSERT INTO items (id, name) VALUES (40, 'clash')
SELECT * FROM items WHERE id = 41 AND qty >= 0
UPDATE items SET qty = 1 WHERE id = 41
SELECT name FROM items WHERE id = '42'
UPDATE items SET qty = 2 WHERE id = '42'
SELECT name FROM items WHERE id = 43
UPDATE items SET qty = 3 WHERE id = 43 AND qty >= 0
SELECT * FROM items WHERE id = 44
UPDATE items SET qty = 4 WHERE id = 44 RETURNING qty
SELECT * FROM children WHERE id = 1
DELETE FROM children WHERE id = 1
SELECT * FROM items WHERE id = 2
DELETE FROM items WHERE id = 2
SELECT count(*) FROM children
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
SELECT 1
--@rollback
SELECT * FROM typed WHERE id = 5 FOR UPDATE
UPDATE typed SET c_text = 'locked' WHERE id = 5
--@commit
SAVEPOINT sp1
UPDATE items SET qty = 0 WHERE id = 58
ROLLBACK TO SAVEPOINT sp1
RELEASE SAVEPOINT sp1
SET LOCAL statement_timeout = '5s'
SHOW statement_timeout
--@commit
--@prepared
SELECT * FROM items WHERE id = 57
--@prepared
UPDATE items SET qty = 57 WHERE id = 57
--@commit
--@autocommit on
SELECT id, qty, name FROM items WHERE id BETWEEN 40 AND 60 ORDER BY id
BEGIN
UPDATE items SET qty = 99 WHERE id = 59
COMMIT
COMMIT
ROLLBACK
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
-- == invalid SQL and constraint errors
SELEC * FROM items
SELECT * FORM items
SELECT * FROM
SELECT (1
SELECT 1)
SELECT 'unterminated
SELECT * FROM no_such_table
SELECT no_such_column FROM items
INSERT INTO items VALUES ()
INSERT INTO items (id) VALUES
UPDATE items SET WHERE id = 1
UPDATE no_such SET a = 1 WHERE id = 1
DELETE FROM
DELETE items WHERE id = 1
CREATE TABLE
CREATE TABLE t (
DROP TABLE
ALTER TABLE items DROP
INSERT INTO items (id, name) VALUES (3, 'dup')
INSERT INTO items (id, name) VALUES (NULL, NULL)
INSERT INTO checks VALUES (3, -3)
INSERT INTO accounts (code, owner) VALUES ('X1', 'owner5')
INSERT INTO children VALUES (9, 12345, 'no parent')
SELECT * FROM items WHERE id = $1
SELECT 1 +
SELECT abs()
SELECT no_such_function(1)
WITH x AS (SELECT 1) SELECT * FROM y
SELECT * FROM items ORDER BY 99
SELECT name, count(*) FROM items
SELECT '{'::json
SELECT 'x'::mood
SELECT 0::posint
SELECT '2024-02-30'::date
SELECT 'abc'::uuid
SELECT '999.999.1.1'::inet
SELECT '''
SELECT "unterminated
%%%
;
   
SELECT * FROM items WHERE id = 1 AND
UPDATE items SET id = 3 WHERE id = 4
INSERT INTO items (id, name) SELECT id, name FROM items
INSERT INTO pairs (a, b, val) VALUES (1, 1, 'dup')
INSERT INTO pairs (a, b, val) VALUES (9, 9, 'v2_2')
SELECT CAST(1 AS)
SELECT 1 UNION SELECT 1, 2
SELECT * FROM items LIMIT 'x'
UPDATE typed SET c_dom = -1 WHERE id = 1
SELECT 1 FROM items WHERE id IN ()
DELETE FROM items WHERE id = (SELECT id FROM items)
CREATE VIEW cheap AS SELECT 1
CREATE INDEX items_name ON items (name)
DROP VIEW no_such_view
SELECT sum(qty) OVER (ORDER BY) FROM items
SELECT row_number() FROM items
RELEASE SAVEPOINT nosuchsavepoint
SELECT 1 /* unterminated comment
INSERT INTO serials (id, v, created_seq) VALUES (99, 'x', 5)
LOCK TABLE items
SELECT pg_sleep('x')
VACUUM no_such_table
SET no_such_setting = 1
SELECT * FROM items WHERE id = 1 FOR UPDATE OF nothing
INSERT INTO partial_u VALUES (9, 'p3@x.org', true)
INSERT INTO partial_u VALUES (10, 'P4@X.ORG', false)
-- == generated statements over the data (seeded)
WITH s AS (SELECT id, qty FROM items WHERE qty > 13) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT id, name, qty FROM items WHERE qty > 5 ORDER BY id
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a > 2 ORDER BY a, b
SELECT name, sum(qty), count(price) FROM items WHERE id % 5 = 1 GROUP BY name ORDER BY name
SELECT id, name, qty FROM items WHERE qty = 13 ORDER BY id
SELECT name, sum(qty), count(price) FROM items WHERE id % 5 = 1 GROUP BY name ORDER BY name
SELECT id, name, qty FROM items WHERE qty >= 11 ORDER BY id
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 12
UPDATE typed SET c_num = c_num + 1 WHERE id = 12
WITH s AS (SELECT id, qty FROM items WHERE qty > 0) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT id, name, qty FROM items WHERE qty <> 1 ORDER BY id
SELECT * FROM items WHERE id = 5
UPDATE items SET qty = 9 WHERE id = 5
UPDATE items SET qty = qty + 2 WHERE id % 3 = 0
SELECT * FROM items WHERE id = 40
UPDATE items SET qty = 6 WHERE id = 40
SELECT * FROM items WHERE id = 40
UPDATE items SET qty = 9 WHERE id = 40
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a <= 1 ORDER BY a, b
WITH s AS (SELECT id, qty FROM items WHERE qty > 0) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT name, sum(qty), count(price) FROM items WHERE id % 5 = 0 GROUP BY name ORDER BY name
UPDATE items SET qty = qty + 2 WHERE id % 7 = 0
WITH s AS (SELECT id, qty FROM items WHERE qty > 0) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 12
UPDATE typed SET c_num = c_num + 1 WHERE id = 12
SELECT id, name, qty FROM items WHERE qty > 15 ORDER BY id
SELECT id, name, qty FROM items WHERE qty >= 9 ORDER BY id
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a < 4 ORDER BY a, b
SELECT id, name, qty FROM items WHERE qty > 20 ORDER BY id
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a > 3 ORDER BY a, b
SELECT * FROM items WHERE id = 49
UPDATE items SET qty = 6 WHERE id = 49
SELECT * FROM items WHERE id = 40
UPDATE items SET qty = 2 WHERE id = 40
SELECT name, sum(qty), count(price) FROM items WHERE id % 3 = 0 GROUP BY name ORDER BY name
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 18
UPDATE typed SET c_num = c_num + 1 WHERE id = 18
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a <> 2 ORDER BY a, b
SELECT id FROM items WHERE id = 4023
INSERT INTO items (id, name, qty) VALUES (4023, 'gen', 7)
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a = 3 ORDER BY a, b
SELECT id FROM items WHERE id = 4040
INSERT INTO items (id, name, qty) VALUES (4040, 'gen', 4)
SELECT name, sum(qty), count(price) FROM items WHERE id % 4 = 0 GROUP BY name ORDER BY name
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 6
UPDATE typed SET c_num = c_num + 1 WHERE id = 6
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a <= 4 ORDER BY a, b
SELECT id FROM items WHERE id = 4082
INSERT INTO items (id, name, qty) VALUES (4082, 'gen', 1)
SELECT id FROM items WHERE id = 4085
INSERT INTO items (id, name, qty) VALUES (4085, 'gen', 5)
UPDATE items SET qty = qty + 3 WHERE id % 8 = 0
WITH s AS (SELECT id, qty FROM items WHERE qty > 7) SELECT count(*), coalesce(sum(qty), 0) FROM s
UPDATE items SET qty = qty + 1 WHERE id % 5 = 0
SELECT * FROM items WHERE id = 68
UPDATE items SET qty = 5 WHERE id = 68
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a = 5 ORDER BY a, b
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a = 1 ORDER BY a, b
SELECT name, sum(qty), count(price) FROM items WHERE id % 4 = 1 GROUP BY name ORDER BY name
UPDATE items SET qty = qty + 2 WHERE id % 9 = 0
WITH s AS (SELECT id, qty FROM items WHERE qty > 14) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a <= 5 ORDER BY a, b
SELECT id, name, qty FROM items WHERE qty <> 5 ORDER BY id
WITH s AS (SELECT id, qty FROM items WHERE qty > 18) SELECT count(*), coalesce(sum(qty), 0) FROM s
WITH s AS (SELECT id, qty FROM items WHERE qty > 6) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT id FROM items WHERE id = 4008
INSERT INTO items (id, name, qty) VALUES (4008, 'gen', 7)
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a >= 5 ORDER BY a, b
SELECT * FROM items WHERE id = 18
UPDATE items SET qty = 0 WHERE id = 18
SELECT name, sum(qty), count(price) FROM items WHERE id % 5 = 1 GROUP BY name ORDER BY name
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 1
UPDATE typed SET c_num = c_num + 1 WHERE id = 1
SELECT name, sum(qty), count(price) FROM items WHERE id % 5 = 0 GROUP BY name ORDER BY name
SELECT id, name, qty FROM items WHERE qty >= 8 ORDER BY id
SELECT id, name, qty FROM items WHERE qty >= 13 ORDER BY id
WITH s AS (SELECT id, qty FROM items WHERE qty > 13) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT * FROM items WHERE id = 40
UPDATE items SET qty = 1 WHERE id = 40
SELECT id, name, qty FROM items WHERE qty = 8 ORDER BY id
SELECT name, sum(qty), count(price) FROM items WHERE id % 5 = 0 GROUP BY name ORDER BY name
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 19
UPDATE typed SET c_num = c_num + 1 WHERE id = 19
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 7
UPDATE typed SET c_num = c_num + 1 WHERE id = 7
UPDATE items SET qty = qty + 1 WHERE id % 8 = 0
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 19
UPDATE typed SET c_num = c_num + 1 WHERE id = 19
SELECT id FROM items WHERE id = 4078
INSERT INTO items (id, name, qty) VALUES (4078, 'gen', 2)
SELECT id, name, qty FROM items WHERE qty <> 7 ORDER BY id
UPDATE items SET qty = qty + 3 WHERE id % 6 = 0
SELECT id FROM items WHERE id = 4053
INSERT INTO items (id, name, qty) VALUES (4053, 'gen', 2)
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 4
UPDATE typed SET c_num = c_num + 1 WHERE id = 4
SELECT id, name, qty FROM items WHERE qty <> 8 ORDER BY id
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 7
UPDATE typed SET c_num = c_num + 1 WHERE id = 7
SELECT * FROM items WHERE id = 21
UPDATE items SET qty = 5 WHERE id = 21
WITH s AS (SELECT id, qty FROM items WHERE qty > 5) SELECT count(*), coalesce(sum(qty), 0) FROM s
UPDATE items SET qty = qty + 1 WHERE id % 8 = 0
SELECT name, sum(qty), count(price) FROM items WHERE id % 3 = 1 GROUP BY name ORDER BY name
SELECT name, sum(qty), count(price) FROM items WHERE id % 2 = 0 GROUP BY name ORDER BY name
SELECT id, name, qty FROM items WHERE qty <> 15 ORDER BY id
UPDATE items SET qty = qty + 2 WHERE id % 7 = 0
SELECT id FROM items WHERE id = 4021
INSERT INTO items (id, name, qty) VALUES (4021, 'gen', 2)
UPDATE items SET qty = qty + 2 WHERE id % 9 = 0
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 13
UPDATE typed SET c_num = c_num + 1 WHERE id = 13
SELECT name, sum(qty), count(price) FROM items WHERE id % 5 = 1 GROUP BY name ORDER BY name
SELECT * FROM items WHERE id = 3
UPDATE items SET qty = 7 WHERE id = 3
SELECT * FROM items WHERE id = 9
UPDATE items SET qty = 2 WHERE id = 9
SELECT * FROM items WHERE id = 65
UPDATE items SET qty = 1 WHERE id = 65
SELECT * FROM items WHERE id = 50
UPDATE items SET qty = 4 WHERE id = 50
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 9
UPDATE typed SET c_num = c_num + 1 WHERE id = 9
WITH s AS (SELECT id, qty FROM items WHERE qty > 5) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 2
UPDATE typed SET c_num = c_num + 1 WHERE id = 2
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 3
UPDATE typed SET c_num = c_num + 1 WHERE id = 3
SELECT id FROM items WHERE id = 4000
INSERT INTO items (id, name, qty) VALUES (4000, 'gen', 4)
SELECT id FROM items WHERE id = 4042
INSERT INTO items (id, name, qty) VALUES (4042, 'gen', 8)
UPDATE items SET qty = qty + 3 WHERE id % 3 = 0
WITH s AS (SELECT id, qty FROM items WHERE qty > 9) SELECT count(*), coalesce(sum(qty), 0) FROM s
UPDATE items SET qty = qty + 2 WHERE id % 5 = 0
SELECT * FROM items WHERE id = 22
UPDATE items SET qty = 2 WHERE id = 22
SELECT id, name, qty FROM items WHERE qty <> 9 ORDER BY id
SELECT name, sum(qty), count(price) FROM items WHERE id % 2 = 1 GROUP BY name ORDER BY name
SELECT id FROM items WHERE id = 4019
INSERT INTO items (id, name, qty) VALUES (4019, 'gen', 6)
SELECT id FROM items WHERE id = 4075
INSERT INTO items (id, name, qty) VALUES (4075, 'gen', 0)
SELECT id FROM items WHERE id = 4034
INSERT INTO items (id, name, qty) VALUES (4034, 'gen', 6)
SELECT * FROM items WHERE id = 34
UPDATE items SET qty = 2 WHERE id = 34
UPDATE items SET qty = qty + 3 WHERE id % 8 = 0
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a >= 5 ORDER BY a, b
WITH s AS (SELECT id, qty FROM items WHERE qty > 18) SELECT count(*), coalesce(sum(qty), 0) FROM s
SELECT a, b, val, row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM pairs WHERE a = 6 ORDER BY a, b
SELECT id, name, qty FROM items WHERE qty >= 3 ORDER BY id
SELECT id FROM items WHERE id = 4036
INSERT INTO items (id, name, qty) VALUES (4036, 'gen', 1)
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 19
UPDATE typed SET c_num = c_num + 1 WHERE id = 19
SELECT c_num, c_ts, c_uuid FROM typed WHERE id = 3
UPDATE typed SET c_num = c_num + 1 WHERE id = 3
SELECT * FROM items WHERE id = 15
UPDATE items SET qty = 2 WHERE id = 15
WITH s AS (SELECT id, qty FROM items WHERE qty > 15) SELECT count(*), coalesce(sum(qty), 0) FROM s
UPDATE items SET qty = qty + 2 WHERE id % 7 = 0
SELECT name, sum(qty), count(price) FROM items WHERE id % 3 = 1 GROUP BY name ORDER BY name
SELECT id FROM items WHERE id = 4018
INSERT INTO items (id, name, qty) VALUES (4018, 'gen', 8)
UPDATE items SET qty = qty + 3 WHERE id % 8 = 0
SELECT id FROM items WHERE id = 4035
INSERT INTO items (id, name, qty) VALUES (4035, 'gen', 2)
SELECT * FROM items ORDER BY id
SELECT * FROM accounts ORDER BY code
SELECT * FROM pairs ORDER BY a, b
SELECT * FROM typed ORDER BY id
SELECT * FROM versions ORDER BY id
SELECT * FROM nokey ORDER BY k, val
SELECT * FROM kw ORDER BY "order"
SELECT * FROM "Mixed Case" ORDER BY "Id"
DROP VIEW cheap
DROP TRIGGER versions_bump ON versions
DROP TABLE children
DROP TABLE scratch
