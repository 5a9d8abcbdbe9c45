CREATE TABLE jobs (id BIGINT PRIMARY KEY, status VARCHAR(20) NOT NULL, progress BIGINT NOT NULL);
CREATE TABLE locks (resource_id VARCHAR(40) PRIMARY KEY, owner_id VARCHAR(40), expires_at BIGINT NOT NULL);
INSERT INTO jobs (id, status, progress) VALUES (1, 'RUNNING', 0);
INSERT INTO locks (resource_id, owner_id, expires_at) VALUES ('nightly', NULL, 0);
