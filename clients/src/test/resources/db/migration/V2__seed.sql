INSERT INTO orders (id, note) VALUES (1, 'first');
INSERT INTO orders (id, note) VALUES (2, 'second');
